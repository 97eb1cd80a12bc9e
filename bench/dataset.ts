import type { ConversationKind, Language } from '../shared/domain';
import type { InboundItem } from '../main/engine/inbox/ingest';
import { BRAND, MODEL_SUFFIXES, MODELS } from './language/pack';
import { makePerson } from './people';
import { createRng, weighted, zipf, type Rng } from './prng';
import { PACKS, TextGenerator, type Role, type ThreadContext } from './text';

export interface Dataset {
  /** Every message in the order a sync delivers them: ascending by time, threads interleaved. */
  items: InboundItem[];
  conversations: number;
  contacts: number;
}

export const SEED = 0x5b0a2d;
const MINUTE = 60_000;
const DAY = 86_400_000;
/** A fixed window, so the data does not depend on when the bench runs. */
const WINDOW_END = Date.UTC(2025, 5, 30);
const WINDOW_START = WINDOW_END - 90 * DAY;

const pickKind = weighted<ConversationKind>([
  ['dm', 0.45],
  ['comment', 0.3],
  ['mention', 0.1],
  ['review', 0.15],
]);
/** A few threads come with no detected language, as with emoji-only or mixed messages. */
const pickLang = weighted<Language | null>([
  ['en', 0.49],
  ['ru', 0.29],
  ['pl', 0.19],
  [null, 0.03],
]);
const pickRating = weighted([
  [1, 0.18],
  [2, 0.08],
  [3, 0.1],
  [4, 0.2],
  [5, 0.44],
]);

/**
 * Thread lengths by kind: DMs and comment threads run long (up to 30), a
 * review gets a reply or two. `1 + max·u^shape` skews towards short threads;
 * the shapes put the overall mean near 10 before the exact total is set.
 */
const LENGTH: Record<ConversationKind, { max: number; shape: number }> = {
  dm: { max: 30, shape: 1.4 },
  comment: { max: 30, shape: 2 },
  mention: { max: 12, shape: 1.5 },
  review: { max: 6, shape: 1.5 },
};

/** Share of threads opened by someone who wrote before (a repeat customer). */
const REPEAT_CUSTOMER = 0.25;

interface Contact {
  author: InboundItem['author'];
  firstName: string;
}

export function datasetSize(scale: number): { conversations: number; messages: number } {
  const conversations = Math.max(1, Math.round(100_000 * scale));
  return { conversations, messages: Math.max(conversations, Math.round(1_000_000 * scale)) };
}

/** Builds the whole dataset in memory, deterministically from the seed. */
export function generateDataset(scale: number, seed = SEED): Dataset {
  const rng = createRng(seed);
  const text = new TextGenerator(rng);
  const size = datasetSize(scale);
  const kinds = Array.from({ length: size.conversations }, () => pickKind(rng));
  const counts = threadLengths(rng, kinds, size.messages);
  const contactsByLang = new Map<Language, Contact[]>();
  const pickModel = zipf(MODELS.length, 0.9);
  let contacts = 0;
  const items: InboundItem[] = [];

  kinds.forEach((kind, index) => {
    const threadLang = pickLang(rng);
    const voice: Language = threadLang ?? rng.pick(['en', 'ru', 'pl'] as const);
    const pack = PACKS[voice];
    let known = contactsByLang.get(voice);
    if (!known) contactsByLang.set(voice, (known = []));
    let contact: Contact;
    if (known.length > 0 && rng.chance(REPEAT_CUSTOMER)) contact = rng.pick(known);
    else {
      const person = makePerson(rng, pack);
      contact = { author: { platformId: `u${contacts++}`, name: person.name, handle: person.handle }, firstName: person.firstName };
      known.push(contact);
    }

    const rating = kind === 'review' ? pickRating(rng) : null;
    const thread: InboundItem['thread'] = { platformId: `t${index}`, kind, title: threadTitle(rng, kind, voice, rating), rating };
    const ctx: ThreadContext = {
      lang: voice,
      customerName: contact.firstName,
      agentName: rng.pick(pack.agentNames),
      order: `#${rng.int(1_000_000, 9_999_999)}`,
      product: pack.product(rng.pick(pack.productNouns), `${MODELS[pickModel(rng)]} ${rng.pick(MODEL_SUFFIXES)}`),
      city: rng.pick(pack.cities),
      courier: rng.pick(pack.couriers),
    };
    const visibility = kind === 'dm' ? 'private' : 'public';

    let at = WINDOW_START + rng.next() * (WINDOW_END - WINDOW_START - 3 * DAY);
    let direction: InboundItem['direction'] = 'in';
    for (let n = 0; n < counts[index]!; n++) {
      if (n > 0) {
        const previous: InboundItem['direction'] = direction;
        direction = previous === 'in' ? (rng.chance(0.6) ? 'out' : 'in') : rng.chance(0.85) ? 'in' : 'out';
        at = Math.min(WINDOW_END, at + gap(rng, previous, direction));
      }
      const role: Role = direction === 'in' ? 'customer' : 'agent';
      items.push({
        platformId: `${thread.platformId}_${n}`,
        thread,
        author: direction === 'in' ? contact.author : BRAND,
        lang: threadLang,
        body: text.body(role, ctx),
        createdAt: Math.round(at),
        direction,
        visibility,
      });
    }
  });

  items.sort((a, b) => a.createdAt - b.createdAt); // stable: a thread's messages keep their order on ties
  return { items, conversations: kinds.length, contacts };
}

/** Draws a length per thread, then nudges random threads until the total is exact (or every thread is full). */
function threadLengths(rng: Rng, kinds: readonly ConversationKind[], wanted: number): number[] {
  const counts = kinds.map((kind) => {
    const { max, shape } = LENGTH[kind];
    return Math.min(max, 1 + Math.floor(max * rng.next() ** shape));
  });
  const capacity = kinds.reduce((sum, kind) => sum + LENGTH[kind].max, 0);
  const target = Math.min(wanted, capacity);
  let total = counts.reduce((sum, count) => sum + count, 0);
  while (total !== target) {
    const index = rng.int(0, kinds.length - 1);
    const count = counts[index]!;
    if (total < target && count < LENGTH[kinds[index]!].max) {
      counts[index] = count + 1;
      total++;
    } else if (total > target && count > 1) {
      counts[index] = count - 1;
      total--;
    }
  }
  return counts;
}

/** Agents answer within minutes to hours; customers come back within minutes to days. */
function gap(rng: Rng, previous: InboundItem['direction'], next: InboundItem['direction']): number {
  if (next === 'out') return previous === 'in' ? rng.logUniform(2 * MINUTE, 6 * 60 * MINUTE) : rng.logUniform(MINUTE, 30 * MINUTE);
  return previous === 'out' ? rng.logUniform(MINUTE, 2 * DAY) : rng.logUniform(MINUTE, DAY);
}

function threadTitle(rng: Rng, kind: ConversationKind, lang: Language, rating: number | null): string {
  const pack = PACKS[lang];
  if (kind === 'comment') return rng.pick(pack.postTitles);
  if (kind === 'review' && rating !== null) return rng.pick(rating <= 2 ? pack.reviewTitles.low : rating === 3 ? pack.reviewTitles.mid : pack.reviewTitles.high);
  return '';
}
