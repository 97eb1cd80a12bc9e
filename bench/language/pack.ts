/**
 * What the dataset needs to write like customers and agents in one language.
 * Templates are full sentences with {slots}; lists are ordered most common
 * first because they are sampled with a Zipf distribution.
 */
export interface LanguagePack {
  /** Free-text vocabulary, most frequent first; duplicates are dropped when sampled. */
  readonly words: string;
  readonly customer: readonly string[];
  readonly agent: readonly string[];
  /** Whole messages of a few words ("Any update?"), at least 10 characters each. */
  readonly customerShort: readonly string[];
  readonly agentShort: readonly string[];
  readonly customerGreetings: readonly string[];
  readonly agentGreetings: readonly string[];
  readonly customerSignoffs: readonly string[];
  readonly agentSignoffs: readonly string[];
  /** Product kinds as a noun every template can take (masculine in ru/pl, so the grammar agrees). */
  readonly productNouns: readonly string[];
  readonly product: (noun: string, model: string) => string;
  readonly cities: readonly string[];
  readonly couriers: readonly string[];
  readonly maleFirst: readonly string[];
  readonly femaleFirst: readonly string[];
  readonly maleLast: readonly string[];
  readonly feminine: (lastName: string) => string;
  readonly agentNames: readonly string[];
  readonly postTitles: readonly string[];
  readonly reviewTitles: { readonly low: readonly string[]; readonly mid: readonly string[]; readonly high: readonly string[] };
}

/** Product lines of the fictional shop; shared by all languages like real model names. */
export const MODELS = 'Aurora Nimbus Vega Orion Kestrel Fjord Tundra Pulse Zephyr Lumen Atlas Breeze Cobalt Delta Ember Falcon Glacier Harbor Juniper Quill'.split(' ');
export const MODEL_SUFFIXES = ['2', '3', 'Pro', 'Mini', 'Max', '5', 'Lite', 'S', 'XL', '4'];

/** The brand's own account, author of every outbound message. */
export const BRAND = { platformId: 'northwind', name: 'Northwind Goods', handle: '@northwind' } as const;
