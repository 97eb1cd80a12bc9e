import type { WireItem } from '../../wire';

/** wire.ts exports the schema only; the type, for the maps keyed by language. */
export type Lang = WireItem['author']['lang'];

/** How the customer feels; it picks the topic, the wording, the rating and the quirks. */
export type Mood = 'happy' | 'neutral' | 'furious';

export type Topic =
  | 'praise'
  | 'delivery'
  | 'sizes'
  | 'hours'
  | 'stock'
  | 'returns'
  | 'late'
  | 'broken'
  | 'refund'
  | 'wrong'
  | 'never';

export const TOPICS_BY_MOOD: Readonly<Record<Mood, readonly Topic[]>> = {
  happy: ['praise'],
  neutral: ['delivery', 'sizes', 'hours', 'stock', 'returns'],
  furious: ['late', 'broken', 'refund', 'wrong', 'never'],
};

/** Reviews are worded by their star rating: 1–2 bad, 3 mixed, 4–5 good. */
export type ReviewTone = 'good' | 'mixed' | 'bad';

type ByMood = Readonly<Record<Mood, readonly string[]>>;

/**
 * One language's text material. Templates are filled by compose.ts; slots:
 *   {product} {order} {city} {in_city} {to_city} {days} {price} {size} {time}
 *   {brand} {name} (the customer's first name) {agent} {email} {phone}
 *   {g:masculine|feminine} — the customer's grammatical gender (заказал|заказала, zamówiłem|zamówiłam).
 * Templates are written so a slot never has to agree with a verb or adjective
 * (products are quoted where Russian or Polish cases would bite).
 */
export interface LanguageCorpus {
  people: {
    female: readonly string[];
    male: readonly string[];
    /** "masculine/feminine" (Иванов/Иванова, Kowalski/Kowalska) or one form for both (Nowak, Smith). */
    surnames: readonly string[];
  };
  emailDomains: readonly string[];
  /** `#` is a random digit. */
  phoneFormats: readonly string[];
  /** "name|in name|to name": "Kraków|w Krakowie|do Krakowa". */
  cities: readonly string[];
  products: readonly string[];
  /** Review titles: the store or product reviewed. */
  places: readonly string[];
  /** The brand's own posts, which customers comment under (comment thread titles). */
  posts: readonly string[];
  /** First names the brand's support agents sign with. */
  agents: readonly string[];
  /** "5 days", "5 дней", "5 dni" — numbers 2..21. */
  days(count: number): string;
  priceRange: readonly [number, number];
  money(amount: number): string;

  greetings: ByMood;
  bodies: Readonly<Record<Topic, readonly string[]>>;
  details: ByMood;
  closings: ByMood;
  /** The customer writes again before anyone answered. */
  followUps: ByMood;
  /** The customer answers the brand's reply. */
  afterReply: ByMood;
  /** Earlier replies by the brand's agents, by the customer's mood. */
  brandReplies: ByMood;
  /** Public posts naming the brand; `{brand}` is its handle. */
  mentions: ByMood;
  reviews: Readonly<Record<ReviewTone, readonly string[]>>;
  /** Sentences of a long, detailed story of one order, in order; long messages are built from them. */
  story: readonly string[];
  /** Starts a paragraph when a long story goes round again ("As I said…"). */
  storyRestart: readonly string[];
  contact: { email: readonly string[]; phone: readonly string[] };
}
