import { z } from 'zod';
import type { WireItem } from '../wire';
import { BRAND } from './brand';
import { Composer, type Voice } from './compose';
import { CORPUS, TOPICS_BY_MOOD, type Lang, type Mood, type ReviewTone } from './corpus';
import { HOSTILE_KINDS, addHostile, type HostileKind } from './hostile';
import { createCustomer, type Customer } from './people';
import { Rng, deriveSeed } from './prng';
import { addEmoji, addTypo, shout } from './quirks';

/**
 * The sandbox's content: one endless, deterministic stream of conversations.
 *
 * Thread model: every thread is one customer's conversation. A DM, a mention
 * and a review are a thread each; under the brand's posts, each commenter's
 * sub-thread is its own thread, titled with the post's text, so several
 * threads share a post. A thread follows a short script (first message,
 * maybe a follow-up, maybe an earlier brand reply and the customer's answer),
 * and threads interleave in the feed the way a real inbox does.
 *
 * The stream is consumed in feed order, so the content of the first N items
 * depends only on the seed; timestamps are laid on by the caller (backfill
 * spread over the week before the epoch, live items after it).
 */

export type WireThread = WireItem['thread'];
type Kind = WireThread['kind'];
type Direction = WireItem['direction'];

export const Seed = z.number().int().min(0).max(0xffff_ffff);

const LANGS: Readonly<Record<Lang, number>> = { en: 50, ru: 25, pl: 25 };
const KINDS: Readonly<Record<Kind, number>> = { dm: 35, comment: 30, mention: 15, review: 20 };
const MOODS: Readonly<Record<Mood, number>> = { happy: 30, neutral: 40, furious: 30 };
const RATINGS: Readonly<Record<'1' | '2' | '3' | '4' | '5', number>> = { 1: 20, 2: 12, 3: 14, 4: 20, 5: 34 };

/** What follows a thread's first message, by kind (weights). At most one brand reply, always after the customer wrote. */
const SCRIPTS: Readonly<Record<Kind, Readonly<Record<string, number>>>> = {
  dm: { '': 45, in: 20, 'out in': 20, out: 10, 'in out in': 5 },
  comment: { '': 55, out: 15, 'out in': 15, in: 15 },
  mention: { '': 70, in: 15, out: 15 },
  review: { '': 70, out: 20, 'out in': 10 },
};

const SIZES = ['XS', 'S', 'M', 'L', 'XL', '38', '40', '42', '44'];
const PICKUP_TIMES = ['8:00', '9:00', '10:00', '18:00', '19:00', '20:00'];

/** Probability that the next item starts a new thread rather than continuing an open one. */
const NEW_THREAD = 0.5;
const TYPO_RATE = 0.15;
const EMOJI_RATE = 0.18;
const SHOUT_RATE = 0.45;
const REUSED_CUSTOMER = 0.12;

/**
 * Rarer features are dealt from a deck per DECK_SIZE inbound messages instead
 * of left to chance, so every stretch of the feed has them. Brand replies never
 * outnumber customer messages in a prefix, so the first 20 inbound messages sit
 * within the first 40 items: the first deck's markup lands there.
 */
const DECK_SIZE = 24;
const FIRST_DECK_HOSTILE_WITHIN = 20;
type Special = { hostile: HostileKind } | 'email' | 'phone' | 'long';

/** Long messages are 2,000–6,000 characters; the margins leave room for what is added after the story (a contact line, markup). */
const LONG_MIN = 2_100;
const LONG_MAX = 5_800;

interface ThreadState {
  thread: WireThread;
  customer: Customer;
  voice: Voice;
  /** The rest of the script; the first message is produced when the thread starts. */
  pending: Direction[];
  last: Direction | null;
}

function reviewTone(rating: number): ReviewTone {
  return rating <= 2 ? 'bad' : rating === 3 ? 'mixed' : 'good';
}

function moodOf(rating: number): Mood {
  return rating <= 2 ? 'furious' : rating === 3 ? 'neutral' : 'happy';
}

/** A short readable prefix for ids, so two sandboxes with different seeds never share ids. */
export function seedTag(seed: number): string {
  return `s${seed.toString(36)}`;
}

export class ItemStream {
  private readonly rng: Rng;
  private readonly composer: Composer;
  private readonly tag: string;
  private readonly open: ThreadState[] = [];
  private readonly customers: Record<Lang, Customer[]> = { en: [], ru: [], pl: [] };
  private readonly hostileOffset: number;
  private items = 0;
  private threads = 0;
  private customerCount = 0;
  private inbound = 0;
  private deck: (Special | null)[] = [];
  /** A long message dealt to a calm customer waits for the next furious one: long messages are rants. */
  private longOwed = false;

  constructor(seed: number) {
    this.rng = new Rng(deriveSeed(Seed.parse(seed), 1));
    this.composer = new Composer(this.rng);
    this.tag = seedTag(seed);
    this.hostileOffset = this.rng.int(0, HOSTILE_KINDS.length - 1);
  }

  /**
   * The next item, dated `createdAtMs`. Without brand replies (live items and
   * emitted ones) scripted brand replies are skipped: the customer writes on.
   */
  next(createdAtMs: number, withBrandReplies: boolean): WireItem {
    const { state, direction } = this.nextStep(withBrandReplies);
    const text = direction === 'out' ? this.composer.brandReply(state.voice) : this.inboundText(state);
    state.last = direction;
    this.items++;
    const { customer } = state;
    return {
      id: `${this.tag}-m${this.items}`,
      thread: { ...state.thread },
      author:
        direction === 'in'
          ? { id: customer.id, name: customer.displayName, handle: customer.handle, lang: customer.lang }
          : { ...BRAND, lang: customer.lang },
      text,
      created_at: new Date(createdAtMs).toISOString(),
      direction,
      visibility: state.thread.kind === 'dm' ? 'private' : 'public',
    };
  }

  private nextStep(withBrandReplies: boolean): { state: ThreadState; direction: Direction } {
    // At least one thread in four items, so even a short feed has many conversations.
    const mustStart = this.open.length === 0 || this.threads * 4 <= this.items;
    if (!mustStart && !this.rng.chance(NEW_THREAD)) {
      const index = this.rng.int(0, this.open.length - 1);
      const state = this.open[index]!;
      while (!withBrandReplies && state.pending[0] === 'out') state.pending.shift();
      const direction = state.pending.shift();
      if (state.pending.length === 0) this.open.splice(index, 1);
      if (direction) return { state, direction };
    }
    return { state: this.startThread(), direction: 'in' };
  }

  private startThread(): ThreadState {
    const rng = this.rng;
    const lang = rng.weighted(LANGS);
    const kind = rng.weighted(KINDS);
    const rating = kind === 'review' ? Number(rng.weighted(RATINGS)) : undefined;
    const mood = rating === undefined ? rng.weighted(MOODS) : moodOf(rating);
    const corpus = CORPUS[lang];
    const customer = this.customerFor(lang);
    const [city, inCity, toCity] = rng.pick(corpus.cities).split('|') as [string, string, string];
    const [minPrice, maxPrice] = corpus.priceRange;

    this.threads++;
    const title = kind === 'comment' ? rng.pick(corpus.posts) : kind === 'review' ? rng.pick(corpus.places) : '';
    const thread: WireThread = { id: `${this.tag}-t${this.threads}`, kind, title };
    if (rating !== undefined) thread.rating = rating;

    const voice: Voice = {
      corpus,
      gender: customer.gender,
      mood,
      topic: rng.pick(TOPICS_BY_MOOD[mood]),
      slots: {
        product: rng.pick(corpus.products),
        order: rng.chance(0.6) ? `#${rng.int(10_000, 99_999)}` : `ZK-${rng.int(10_000, 99_999)}`,
        city,
        in_city: inCity,
        to_city: toCity,
        price: corpus.money(rng.int(minPrice, maxPrice)),
        size: rng.pick(SIZES),
        time: rng.pick(PICKUP_TIMES),
        brand: BRAND.handle,
        name: customer.firstName,
        agent: rng.pick(corpus.agents),
        email: customer.email,
        phone: customer.phone,
      },
    };
    const script = rng.weighted(SCRIPTS[kind]);
    const state: ThreadState = { thread, customer, voice, pending: script ? (script.split(' ') as Direction[]) : [], last: null };
    if (state.pending.length > 0) this.open.push(state);
    return state;
  }

  private customerFor(lang: Lang): Customer {
    const known = this.customers[lang];
    if (known.length > 0 && this.rng.chance(REUSED_CUSTOMER)) return this.rng.pick(known);
    this.customerCount++;
    const customer = createCustomer(this.rng, lang, `${this.tag}-u${this.customerCount}`);
    known.push(customer);
    return customer;
  }

  private inboundText(state: ThreadState): string {
    const { voice, thread } = state;
    const special = this.dealSpecial();
    let text: string;
    if (state.last === 'out') text = this.composer.afterReply(voice);
    else if (state.last === 'in') text = this.composer.followUp(voice);
    else if (thread.kind === 'review') text = this.composer.review(voice, reviewTone(thread.rating!));
    else if (thread.kind === 'mention') text = this.composer.mention(voice);
    else if (thread.kind === 'comment') text = this.composer.comment(voice);
    else text = this.composer.letter(voice);

    if (special === 'long') this.longOwed = true;
    if (this.longOwed && voice.mood === 'furious') {
      this.longOwed = false;
      const target = this.rng.int(LONG_MIN, LONG_MAX);
      text = `${text}\n\n${this.composer.story(voice, target - text.length, LONG_MAX - text.length)}`;
    }
    if (this.rng.chance(TYPO_RATE)) text = addTypo(text, this.rng);
    if (voice.mood === 'furious' && this.rng.chance(SHOUT_RATE)) text = shout(text, this.rng);
    if (this.rng.chance(EMOJI_RATE)) text = addEmoji(text, this.rng, voice.mood);
    if (special === 'email' || special === 'phone') text = `${text} ${this.composer.contact(voice, special)}`;
    if (typeof special === 'object' && special !== null) text = addHostile(text, special.hostile, this.rng);
    return text;
  }

  private dealSpecial(): Special | null {
    const position = this.inbound % DECK_SIZE;
    if (position === 0) this.deck = this.newDeck(this.inbound / DECK_SIZE);
    this.inbound++;
    return this.deck[position]!;
  }

  private newDeck(index: number): (Special | null)[] {
    const deck: (Special | null)[] = new Array<Special | null>(DECK_SIZE).fill(null);
    const hostile = index === 0 ? 'img' : HOSTILE_KINDS[(index + this.hostileOffset) % HOSTILE_KINDS.length]!;
    const hostileAt = this.rng.int(0, (index === 0 ? FIRST_DECK_HOSTILE_WITHIN : DECK_SIZE) - 1);
    deck[hostileAt] = { hostile };
    const free = deck.flatMap((special, at) => (special === null ? [at] : []));
    for (const special of ['email', 'phone', 'long'] as const) {
      const at = free.splice(this.rng.int(0, free.length - 1), 1)[0]!;
      deck[at] = special;
    }
    return deck;
  }
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Backfill dates: `count` ascending instants spread over the week before the
 * epoch, one per equal slot with a random offset inside it. From their own
 * PRNG stream, so the content never depends on the backfill's size.
 */
export function backfillTimes(seed: number, epoch: number, count: number): number[] {
  const rng = new Rng(deriveSeed(Seed.parse(seed), 2));
  const start = epoch - WEEK_MS;
  return Array.from({ length: count }, (_, i) => start + Math.floor(((i + rng.next()) * WEEK_MS) / count));
}

/** The backfill, and the stream positioned after it so live and emitted items continue the same sequence. */
export function generateBackfill(seed: number, epoch: number, count: number): { items: WireItem[]; stream: ItemStream } {
  const stream = new ItemStream(seed);
  const items = backfillTimes(seed, epoch, count).map((ms) => stream.next(ms, true));
  return { items, stream };
}

/** The `count` backfill items a sandbox with this seed and epoch starts with. Pure. */
export function generateItems(seed: number, epoch: number, count: number): WireItem[] {
  return generateBackfill(seed, epoch, count).items;
}
