import type { Language } from '../shared/domain';
import { en } from './language/en';
import type { LanguagePack } from './language/pack';
import { pl } from './language/pl';
import { ru } from './language/ru';
import { weighted, zipf, type Rng } from './prng';

export const PACKS: Record<Language, LanguagePack> = { en, ru, pl };

export type Role = 'customer' | 'agent';

/** What stays the same across one conversation: who talks, about which order and product. */
export interface ThreadContext {
  lang: Language;
  customerName: string;
  agentName: string;
  order: string;
  product: string;
  city: string;
  courier: string;
}

interface LengthBucket {
  min: number;
  max: number;
}

const SHORT: LengthBucket = { min: 10, max: 40 };
/**
 * Most messages are a sentence or three; a quarter run to a long paragraph and
 * a few are long complaints — the documents whose snippets and postings cost most.
 */
const pickBucket = weighted<LengthBucket>([
  [SHORT, 0.12],
  [{ min: 40, max: 220 }, 0.6],
  [{ min: 220, max: 600 }, 0.25],
  [{ min: 600, max: 2400 }, 0.03],
]);

/** Share of sentences made of sampled words rather than templates: they carry the vocabulary's long tail. */
const FREE_SENTENCE_SHARE = 0.22;

interface Prepared {
  pack: LanguagePack;
  words: string[];
  word: (rng: Rng) => number;
  customer: (rng: Rng) => number;
  agent: (rng: Rng) => number;
}

function prepare(pack: LanguagePack): Prepared {
  const words = [...new Set(pack.words.split(/\s+/u).filter(Boolean))];
  return { pack, words, word: zipf(words.length), customer: zipf(pack.customer.length, 0.8), agent: zipf(pack.agent.length, 0.8) };
}

/** Writes message bodies in the voice of a customer or an agent, in en, ru or pl. */
export class TextGenerator {
  private readonly prepared: Record<Language, Prepared> = { en: prepare(en), ru: prepare(ru), pl: prepare(pl) };

  constructor(private readonly rng: Rng) {}

  body(role: Role, ctx: ThreadContext): string {
    const { rng } = this;
    const lang = this.prepared[ctx.lang];
    const { pack } = lang;
    const bucket = pickBucket(rng);
    if (bucket === SHORT) return rng.pick(role === 'customer' ? pack.customerShort : pack.agentShort);

    const target = rng.int(bucket.min, bucket.max);
    let text = '';
    const greet = role === 'agent' ? rng.chance(0.6) : rng.chance(0.3);
    if (greet) text = this.fill(rng.pick(role === 'agent' ? pack.agentGreetings : pack.customerGreetings), ctx);
    while (text.length < target) {
      const sentence = rng.chance(FREE_SENTENCE_SHARE) ? this.freeSentence(lang) : this.fill(this.template(lang, role), ctx);
      if (text.length > 0 && text.length + sentence.length + 1 > bucket.max) break;
      text = text.length === 0 ? sentence : `${text}${rng.chance(0.12) ? '\n\n' : ' '}${sentence}`;
    }
    if (rng.chance(role === 'agent' ? 0.5 : 0.15)) text = `${text}\n${this.fill(rng.pick(role === 'agent' ? pack.agentSignoffs : pack.customerSignoffs), ctx)}`;
    return text;
  }

  private template(lang: Prepared, role: Role): string {
    return role === 'customer' ? lang.pack.customer[lang.customer(this.rng)]! : lang.pack.agent[lang.agent(this.rng)]!;
  }

  private freeSentence(lang: Prepared): string {
    const count = this.rng.int(4, 14);
    const words: string[] = [];
    for (let i = 0; i < count; i++) words.push(lang.words[lang.word(this.rng)]!);
    return `${capitalize(words.join(' '))}${this.rng.pick(['.', '.', '.', '?', '!'])}`;
  }

  private fill(template: string, ctx: ThreadContext): string {
    const filled = template.replace(/\{(\w+)\}/gu, (_, slot: string) => {
      switch (slot) {
        case 'order':
          return ctx.order;
        case 'product':
          return ctx.product;
        case 'name':
          return ctx.customerName;
        case 'agent':
          return ctx.agentName;
        case 'city':
          return ctx.city;
        case 'courier':
          return ctx.courier;
        case 'days':
          return String(this.rng.int(2, 21));
        default:
          throw new Error(`unknown template slot {${slot}}`);
      }
    });
    return capitalize(filled);
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
