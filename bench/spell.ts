/**
 * Spell engine figures: how long each dictionary takes to load in the spell
 * worker and what it adds to resident memory, and how long a 2,000-character
 * reply with three typos takes to check through the worker (the call a
 * composer makes while the agent types). The raw baseline checks the same
 * words by calling Hunspell directly in this thread, with no tokenizing,
 * word rules or thread hop. Suggestions are cached per word in the worker, so
 * the reply timings are taken warm and the cold cost of suggestions is a
 * figure of its own.
 */
import { readFileSync } from 'node:fs';
import { loadModule } from 'hunspell-asm';
import { createSpellChecker, type SpellLang } from '../main/engine/spell/client';
import { findDictionary, SPELL_LANGS } from '../main/engine/spell/languages';
import { tokenize } from '../main/engine/spell/tokenize';
import { longReply, SENTENCES } from '../tests/unit/spell/replies';
import { elapsedMs, percentile, round } from './stats';

const ROOT = process.cwd();
/** Fresh workers per language; the median load is reported so one slow start does not decide the figure. */
const LOAD_RUNS = 3;
const REPLY_RUNS = 200;

/** Three words of each language's replies misspelled as agents do (a dropped letter, a swap, a missing diacritic). */
const TYPOS: Record<SpellLang, [string, string][]> = {
  en: [['patience', 'patiance'], ['warehouse', 'warehose'], ['replacement', 'replacment']],
  ru: [['посылка', 'пасылка'], ['Спасибо', 'Спосибо'], ['подтвердил', 'подтвердл']],
  pl: [['cierpliwość', 'cierpliwosc'], ['zamówienie', 'zamowienie'], ['magazyn', 'magazin']],
};

/** Misspelled words never seen by the worker, for the cold cost of suggestions. */
const FRESH_TYPOS: Record<SpellLang, string[]> = {
  en: ['recieve', 'tomorow', 'adress', 'definately', 'seperate', 'untill', 'occured', 'wich'],
  ru: ['спосибо', 'сегодна', 'извените', 'пожалуста', 'заказс', 'доставкка', 'здраствуйте', 'напешите'],
  pl: ['dziekuje', 'przesylka', 'zamowienia', 'prosze', 'wiadomosc', 'pieniadze', 'dostawe', 'tydzien'],
};

export interface SpellFigures {
  dict_load_ms_en: number;
  dict_load_ms_ru: number;
  dict_load_ms_pl: number;
  dict_rss_mb_en: number;
  dict_rss_mb_ru: number;
  dict_rss_mb_pl: number;
  spell_reply_p95_ms_en: number;
  spell_reply_p95_ms_ru: number;
  spell_reply_p95_ms_pl: number;
  spell_reply_p95_ms: number;
  spell_raw_hunspell_p95_ms: number;
  spell_vs_raw_ratio: number;
  spell_suggest_cold_p95_ms: number;
}

export const SPELL_LABELS: Record<keyof SpellFigures, string> = {
  dict_load_ms_en: 'dictionary load in the worker, en, ms',
  dict_load_ms_ru: 'dictionary load in the worker, ru, ms',
  dict_load_ms_pl: 'dictionary load in the worker, pl, ms',
  dict_rss_mb_en: 'RSS added by the en dictionary, MB',
  dict_rss_mb_ru: 'RSS added by the ru dictionary, MB',
  dict_rss_mb_pl: 'RSS added by the pl dictionary, MB',
  spell_reply_p95_ms_en: 'spell check, 2,000-char reply, en p95, ms',
  spell_reply_p95_ms_ru: 'spell check, 2,000-char reply, ru p95, ms',
  spell_reply_p95_ms_pl: 'spell check, 2,000-char reply, pl p95, ms',
  spell_reply_p95_ms: 'spell check, 2,000-char reply, worst language p95, ms',
  spell_raw_hunspell_p95_ms: 'bare Hunspell in-process, same words, worst language p95, ms',
  spell_vs_raw_ratio: 'spell check vs bare Hunspell (p95 / p95, worst languages)',
  spell_suggest_cold_p95_ms: 'suggestions for a new misspelled word, cold, p95, ms',
};

/** A 2,000-character reply in the language with three typical typos. */
export function replyWithTypos(lang: SpellLang, offset: number): string {
  let reply = longReply(lang, 2_000, offset);
  for (const [right, wrong] of TYPOS[lang]) reply = reply.replace(right, wrong);
  return reply;
}

function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

async function measureLoads(progress: (message: string) => void): Promise<Record<SpellLang, { loadMs: number; rssMb: number }>> {
  const result = {} as Record<SpellLang, { loadMs: number; rssMb: number }>;
  for (const lang of SPELL_LANGS) {
    const loads: number[] = [];
    const rss: number[] = [];
    for (let run = 0; run < LOAD_RUNS; run++) {
      const checker = createSpellChecker();
      try {
        // The worker has started when it answers; only the load itself is timed, inside the worker.
        await checker.loaded();
        const load = await checker.ready(lang);
        loads.push(load.loadMs);
        rss.push(load.rssDeltaMb);
      } finally {
        await checker.close();
      }
    }
    result[lang] = { loadMs: median(loads), rssMb: median(rss) };
    progress(`spell: ${lang} dictionary loads in ${result[lang].loadMs.toFixed(0)} ms, +${result[lang].rssMb.toFixed(1)} MB RSS (median of ${LOAD_RUNS} fresh workers)`);
  }
  return result;
}

async function rawHunspellP95(lang: SpellLang, replies: readonly string[]): Promise<number> {
  const factory = await loadModule();
  const files = findDictionary(lang, ROOT);
  const hunspell = factory.create(factory.mountBuffer(readFileSync(files.aff), `${lang}.aff`), factory.mountBuffer(readFileSync(files.dic), `${lang}.dic`));
  try {
    const words = replies.map((reply) => tokenize(reply).map((token) => token.word));
    const samples: number[] = [];
    for (const replyWords of words) {
      const started = performance.now();
      for (const word of replyWords) hunspell.spell(word);
      samples.push(elapsedMs(started));
    }
    return percentile(samples, 95);
  } finally {
    hunspell.dispose();
  }
}

export async function measureSpell(progress: (message: string) => void): Promise<SpellFigures> {
  const loads = await measureLoads(progress);
  const checker = createSpellChecker();
  try {
    const replyP95 = {} as Record<SpellLang, number>;
    const rawP95 = {} as Record<SpellLang, number>;
    const suggestSamples: number[] = [];
    for (const lang of SPELL_LANGS) {
      const replies = Array.from({ length: REPLY_RUNS }, (_, i) => replyWithTypos(lang, i % SENTENCES[lang].length));
      const warm = await checker.misspellings(replies[0]!, lang);
      if (warm.length !== TYPOS[lang].length) throw new Error(`spell bench: expected ${TYPOS[lang].length} ${lang} typos, found ${warm.map((m) => m.word).join(', ')}`);
      const samples: number[] = [];
      for (const reply of replies) {
        const started = performance.now();
        await checker.misspellings(reply, lang);
        samples.push(elapsedMs(started));
      }
      replyP95[lang] = percentile(samples, 95);
      rawP95[lang] = await rawHunspellP95(lang, replies);
      for (const word of FRESH_TYPOS[lang]) {
        const started = performance.now();
        await checker.suggest(word, lang);
        suggestSamples.push(elapsedMs(started));
      }
      progress(`spell: ${lang} reply p95 ${replyP95[lang].toFixed(2)} ms, bare Hunspell p95 ${rawP95[lang].toFixed(2)} ms`);
    }
    const worst = Math.max(...Object.values(replyP95));
    const rawWorst = Math.max(...Object.values(rawP95));
    return {
      dict_load_ms_en: round(loads.en.loadMs, 1),
      dict_load_ms_ru: round(loads.ru.loadMs, 1),
      dict_load_ms_pl: round(loads.pl.loadMs, 1),
      dict_rss_mb_en: round(loads.en.rssMb, 1),
      dict_rss_mb_ru: round(loads.ru.rssMb, 1),
      dict_rss_mb_pl: round(loads.pl.rssMb, 1),
      spell_reply_p95_ms_en: round(replyP95.en, 3),
      spell_reply_p95_ms_ru: round(replyP95.ru, 3),
      spell_reply_p95_ms_pl: round(replyP95.pl, 3),
      spell_reply_p95_ms: round(worst, 3),
      spell_raw_hunspell_p95_ms: round(rawWorst, 3),
      spell_vs_raw_ratio: round(worst / rawWorst, 3),
      spell_suggest_cold_p95_ms: round(percentile(suggestSamples, 95), 1),
    };
  } finally {
    await checker.close();
  }
}
