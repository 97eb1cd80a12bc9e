/**
 * Scores one inbound message: lexicon words and idioms, modified by negation,
 * intensifiers, "but" and questions; emoji; shouting; and customer-care
 * trouble signals, which dominate polite wording. Pure and allocation-light:
 * no I/O, and every input — HTML, bidi overrides, 100 KB — yields a result.
 */
import { Language } from '../../../../shared/domain';
import { detectLanguageOfWords } from './detect-language';
import { lexiconFor } from './lexicon';
import { patternMatches, type CompiledLexicon, type Pattern, type Phrase, type WordEntry } from './lexicon/compile';
import { bracketSmileyWeight, EMOJI_WEIGHTS } from './lexicon/emoji';
import { tokenize, type Tokens, type WordToken } from './tokenize';
import {
  CARE_DOMINANCE,
  CARE_SCORE_CEILING,
  CONTRAST_AFTER,
  CONTRAST_BEFORE,
  labelFor,
  MAX_PHRASE_GAP,
  MODIFIER_WINDOW,
  NEGATE_NEGATIVE,
  NEGATE_POSITIVE,
  POST_NEGATOR_WINDOW,
  QUESTION_POSITIVE_SCALE,
  SHOUT_BURST_EXTRA_PER_CHAR,
  SHOUT_BURST_MAX_EXTRA_CHARS,
  SHOUT_BURST_WEIGHT,
  SHOUT_CAPS_WEIGHT,
  SHOUT_MAX,
  SQUASH_ALPHA,
} from './tuning';
import type { SentimentLang, SentimentReason, SentimentReasonKind, SentimentResult } from './types';

const LANGS: ReadonlySet<string> = new Set(Language.options);

function isLang(value: unknown): value is SentimentLang {
  return typeof value === 'string' && LANGS.has(value);
}

/** The state of scoring one message; reasons accumulate as the passes run. */
class MessageScorer {
  readonly reasons: SentimentReason[] = [];
  /** Sum of all reason weights, and of the care-phrase ones alone. */
  private raw = 0;
  private care = 0;
  private readonly words: readonly WordToken[];
  private readonly keys: string[];
  private readonly entries: (WordEntry | undefined)[];
  private readonly consumed: Uint8Array;
  /** Offset of the last "but"; what comes before it counts less, what follows counts more. */
  private pivot = -1;

  constructor(
    private readonly text: string,
    private readonly tokens: Tokens,
    private readonly lexicon: CompiledLexicon,
  ) {
    this.words = tokens.words;
    this.keys = this.words.map((w) => lexicon.key(w.norm));
    this.entries = this.keys.map((k) => lexicon.word(k));
    this.consumed = new Uint8Array(this.words.length);
  }

  run(): void {
    this.matchPhrases();
    this.findPivot();
    this.scoreWords();
    this.scoreSymbols();
    this.scoreShouting();
  }

  private add(kind: SentimentReasonKind, start: number, end: number, weight: number): void {
    if (weight === 0) return;
    this.reasons.push({ kind, text: this.text.slice(start, end), start, end, weight });
    this.raw += weight;
    if (kind === 'care_phrase') this.care += weight;
  }

  private scale(start: number, sentence: number, weight: number): number {
    let scale = 1;
    if (this.pivot >= 0) scale = start < this.pivot ? CONTRAST_BEFORE : start > this.pivot ? CONTRAST_AFTER : 1;
    if (weight > 0 && this.tokens.questions[sentence]) scale *= QUESTION_POSITIVE_SCALE;
    return scale;
  }

  /** Idioms and multi-word care phrases first: their words must not be scored again on their own. */
  private matchPhrases(): void {
    const candidates: Phrase[] = [];
    for (let i = 0; i < this.words.length; i++) {
      candidates.length = 0;
      this.lexicon.phrasesStartingWith(this.keys[i]!, candidates);
      let best: Phrase | undefined;
      let bestLast = -1;
      for (const phrase of candidates) {
        const last = this.matchRest(i, phrase.rest);
        if (last < 0) continue;
        const better = !best || phrase.rest.length > best.rest.length || (phrase.rest.length === best.rest.length && Math.abs(phrase.weight) > Math.abs(best.weight));
        if (better) {
          best = phrase;
          bestLast = last;
        }
      }
      if (!best) continue;
      this.consumed.fill(1, i, bestLast + 1);
      const first = this.words[i]!;
      const { start } = first;
      const { end } = this.words[bestLast]!;
      // Care phrases are never softened: "thanks, but this is a scam" must stay a scam.
      const weight = best.care ? best.weight : best.weight * this.scale(start, first.sentence, best.weight);
      this.add(best.care ? 'care_phrase' : 'phrase', start, end, weight);
      i = bestLast;
    }
  }

  /** Index of the phrase's last word, or −1; each word may follow up to MAX_PHRASE_GAP others, within one clause. */
  private matchRest(first: number, rest: readonly Pattern[]): number {
    const clause = this.words[first]!.clause;
    let at = first;
    for (const pattern of rest) {
      let found = -1;
      for (let j = at + 1; j <= at + 1 + MAX_PHRASE_GAP && j < this.words.length; j++) {
        if (this.words[j]!.clause !== clause || this.consumed[j]) break;
        if (patternMatches(pattern, this.keys[j]!)) {
          found = j;
          break;
        }
      }
      if (found < 0) return -1;
      at = found;
    }
    return at;
  }

  private findPivot(): void {
    for (let i = this.words.length - 1; i >= 0; i--) {
      if (!this.consumed[i] && this.entries[i]?.contrast) {
        this.pivot = this.words[i]!.start;
        return;
      }
    }
  }

  private scoreWords(): void {
    for (let i = 0; i < this.words.length; i++) {
      const entry = this.entries[i];
      if (this.consumed[i] || entry?.weight === undefined) continue;
      const word = this.words[i]!;
      if (entry.care) {
        this.add('care_phrase', word.start, word.end, entry.weight);
        continue;
      }
      const { negator, intensifier } = this.modifiersOf(i);
      const base = entry.weight;
      const boost = intensifier >= 0 ? this.entries[intensifier]!.intensifier! : 0;
      const intensified = base * (1 + boost);
      let final = intensified;
      if (negator >= 0) {
        final = entry.negated !== undefined ? entry.negated * (1 + boost) : intensified * (base > 0 ? NEGATE_POSITIVE : NEGATE_NEGATIVE);
      }
      const scale = this.scale(word.start, word.sentence, final);
      this.add('word', word.start, word.end, base * scale);
      if (intensifier >= 0) {
        const by = this.words[intensifier]!;
        this.add('intensifier', by.start, by.end, (intensified - base) * scale);
      }
      if (negator >= 0) {
        const by = this.words[negator]!;
        this.add('negation', Math.min(by.start, word.start), Math.max(by.end, word.end), (final - intensified) * scale);
      }
    }
  }

  /** The negator and intensifier reaching word i: before it in its clause ("not very good"), or a postposed negator after it ("проблем нет"). */
  private modifiersOf(i: number): { negator: number; intensifier: number } {
    const clause = this.words[i]!.clause;
    let negator = -1;
    let intensifier = -1;
    for (let j = i - 1; j >= 0 && j >= i - MODIFIER_WINDOW; j--) {
      if (this.consumed[j] || this.words[j]!.clause !== clause) break;
      const entry = this.entries[j];
      if (!entry) continue;
      if (entry.negator) {
        if (negator < 0) negator = j;
      } else if (entry.intensifier !== undefined) {
        if (intensifier < 0) intensifier = j;
      } else if (entry.weight) {
        // Another sentiment word: "not good, terrible" must not negate "terrible".
        break;
      }
    }
    for (let j = i + 1; negator < 0 && j < this.words.length && j <= i + POST_NEGATOR_WINDOW; j++) {
      if (this.consumed[j] || this.words[j]!.clause !== clause) break;
      if (this.entries[j]?.postNegator) negator = j;
    }
    return { negator, intensifier };
  }

  private scoreSymbols(): void {
    for (const symbol of this.tokens.symbols) {
      const weight = EMOJI_WEIGHTS.get(symbol.key) ?? bracketSmileyWeight(symbol.key);
      if (weight === undefined) continue;
      this.add('emoji', symbol.start, symbol.end, weight * this.scale(symbol.start, symbol.sentence, weight));
    }
  }

  private scoreShouting(): void {
    const shouts: { start: number; end: number; weight: number }[] = [];
    const caps = this.words.filter((w) => w.caps);
    if (caps.length > 0 && !this.tokens.hasLowercase) {
      // A message typed entirely in capitals is one shout, not one per word.
      shouts.push({ start: caps[0]!.start, end: caps[caps.length - 1]!.end, weight: SHOUT_CAPS_WEIGHT });
    } else {
      for (const w of caps) shouts.push({ start: w.start, end: w.end, weight: SHOUT_CAPS_WEIGHT });
    }
    for (const burst of this.tokens.bursts) {
      const extra = Math.min(burst.end - burst.start - 2, SHOUT_BURST_MAX_EXTRA_CHARS);
      shouts.push({ start: burst.start, end: burst.end, weight: SHOUT_BURST_WEIGHT + extra * SHOUT_BURST_EXTRA_PER_CHAR });
    }
    const total = shouts.reduce((sum, s) => sum + s.weight, 0);
    if (total === 0) return;
    const sign = this.raw > 0 ? 1 : -1;
    const cap = Math.min(1, SHOUT_MAX / total);
    for (const s of shouts) this.add('shouting', s.start, s.end, sign * s.weight * cap);
  }

  score(): number {
    const score = this.raw / Math.sqrt(this.raw * this.raw + SQUASH_ALPHA);
    return this.care <= -CARE_DOMINANCE ? Math.min(score, CARE_SCORE_CEILING) : score;
  }
}

export function scoreMessage(text: string, lang?: SentimentLang | null): SentimentResult {
  const source = typeof text === 'string' ? text : '';
  const tokens = tokenize(source);
  const language = isLang(lang) ? lang : detectLanguageOfWords(tokens.words);
  const scorer = new MessageScorer(source, tokens, lexiconFor(language));
  scorer.run();
  const score = scorer.score();
  const reasons = scorer.reasons.sort((a, b) => a.start - b.start || a.end - b.end);
  return { score, label: labelFor(score), lang: language, reasons };
}
