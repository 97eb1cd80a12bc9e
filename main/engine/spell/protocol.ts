/** Messages between the spell client and the spell worker. */
import type { SpellLang } from './languages';
import type { Misspelling } from './speller';

export type SpellRequest =
  | { id: number; op: 'misspellings'; text: string; lang: SpellLang }
  | { id: number; op: 'suggest'; word: string; lang: SpellLang }
  | { id: number; op: 'addWords'; words: string[] }
  | { id: number; op: 'load'; lang: SpellLang }
  | { id: number; op: 'loaded' };

/** How long a dictionary took to load in the worker, and what it added to the process's resident memory. */
export interface DictionaryLoad {
  lang: SpellLang;
  loadMs: number;
  rssDeltaMb: number;
}

export type SpellResult = Misspelling[] | string[] | DictionaryLoad | SpellLang[] | null;

/** `id` is 0 when the request was too malformed to carry one. */
export type SpellResponse = { id: number; ok: true; result: SpellResult } | { id: number; ok: false; error: string };

export interface SpellWorkerData {
  /** Where to start looking for node_modules/dictionary-xx. */
  dictionariesFrom: string;
}
