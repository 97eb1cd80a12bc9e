/**
 * Sentiment figures for the benchmark report: accuracy against the labelled
 * fixtures in tests/fixtures/sentiment/ and scoring throughput on one core.
 * Measures and reports only; the unit tests hold the accuracy floor.
 */
import { readFileSync } from 'node:fs';
import { scoreMessage } from '../main/engine/triage/sentiment';
import type { SentimentLabel, SentimentLang } from '../main/engine/triage/sentiment';
import { elapsedMs, round } from './stats';

export interface LabelledMessage {
  text: string;
  label: SentimentLabel;
}

const FIXTURES: Record<SentimentLang, URL> = {
  en: new URL('../tests/fixtures/sentiment/en.jsonl', import.meta.url),
  ru: new URL('../tests/fixtures/sentiment/ru.jsonl', import.meta.url),
  pl: new URL('../tests/fixtures/sentiment/pl.jsonl', import.meta.url),
};

export function readSentimentFixture(lang: SentimentLang): LabelledMessage[] {
  return readFileSync(FIXTURES[lang], 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LabelledMessage);
}

/** Share of fixture messages whose label the scorer gets exactly right (the language is given, as the engine knows it). */
export function accuracyOf(lang: SentimentLang): number {
  const messages = readSentimentFixture(lang);
  const right = messages.filter(({ text, label }) => scoreMessage(text, lang).label === label).length;
  return right / messages.length;
}

export interface SentimentFigures {
  sentiment_accuracy_en: number;
  sentiment_accuracy_ru: number;
  sentiment_accuracy_pl: number;
  sentiment_msgs_per_s: number;
}

export const SENTIMENT_LABELS: Record<keyof SentimentFigures, string> = {
  sentiment_accuracy_en: 'sentiment accuracy, en fixtures',
  sentiment_accuracy_ru: 'sentiment accuracy, ru fixtures',
  sentiment_accuracy_pl: 'sentiment accuracy, pl fixtures',
  sentiment_msgs_per_s: 'sentiment scoring, msg/s',
};

export function sentimentAccuracy(): Omit<SentimentFigures, 'sentiment_msgs_per_s'> {
  return {
    sentiment_accuracy_en: round(accuracyOf('en'), 3),
    sentiment_accuracy_ru: round(accuracyOf('ru'), 3),
    sentiment_accuracy_pl: round(accuracyOf('pl'), 3),
  };
}

/**
 * Short messages scored per second on this thread, language detected per
 * message as in production: the fixtures of all three languages, cycled for
 * about `seconds` after a warm-up pass.
 */
export function sentimentThroughput(seconds = 1): Pick<SentimentFigures, 'sentiment_msgs_per_s'> {
  const texts = (['en', 'ru', 'pl'] as const).flatMap((lang) => readSentimentFixture(lang).map((m) => m.text));
  for (const text of texts) scoreMessage(text);
  let scored = 0;
  const started = performance.now();
  while (elapsedMs(started) < seconds * 1000) {
    for (const text of texts) scoreMessage(text);
    scored += texts.length;
  }
  return { sentiment_msgs_per_s: Math.round(scored / (elapsedMs(started) / 1000)) };
}
