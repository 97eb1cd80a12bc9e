import type { ConversationKind, Language } from '../../shared/domain';
import type { InboundItem } from '../../main/engine/inbox/ingest';
import { Engine } from '../../main/engine/engine';
import { createIdGenerator } from '../../main/engine/support/ids';
import { engineIngest } from '../ingest';
import { BRAND, MODELS } from '../language/pack';
import { makePerson } from '../people';
import { createRng } from '../prng';
import { PACKS, TextGenerator, type ThreadContext } from '../text';

/** The inbox size the renderer figures are defined at, whatever the bench's --scale. */
export const RENDERER_CONVERSATIONS = 100_000;

const SEED = 0x1ab0c5;
const DAY = 86_400_000;
const WINDOW_END = Date.UTC(2025, 5, 30);
const KINDS: readonly ConversationKind[] = ['dm', 'comment', 'mention', 'review'];
const LANGS: readonly Language[] = ['en', 'ru', 'pl'];

/**
 * A queue where every thread needs a reply: one customer message each, so
 * each thread is open and the whole set is in the default view. The list only
 * ever shows a thread's summary (contact, kind, time, preview of the latest
 * message), so longer threads would add minutes of ingest and change nothing
 * the renderer figures measure; one message keeps the build to ~20 s.
 */
export function inboxItems(conversations: number): InboundItem[] {
  const rng = createRng(SEED);
  const text = new TextGenerator(rng);
  const items: InboundItem[] = [];
  for (let index = 0; index < conversations; index++) {
    const lang = rng.pick(LANGS);
    const pack = PACKS[lang];
    const person = makePerson(rng, pack);
    const kind = rng.pick(KINDS);
    const ctx: ThreadContext = {
      lang,
      customerName: person.firstName,
      agentName: rng.pick(pack.agentNames),
      order: `#${rng.int(1_000_000, 9_999_999)}`,
      product: pack.product(rng.pick(pack.productNouns), rng.pick(MODELS)),
      city: rng.pick(pack.cities),
      courier: rng.pick(pack.couriers),
    };
    items.push({
      platformId: `m${index}`,
      thread: { platformId: `t${index}`, kind, title: '', rating: kind === 'review' ? rng.int(1, 5) : null },
      author: { platformId: `u${index}`, name: person.name, handle: person.handle },
      lang,
      body: text.body('customer', ctx),
      createdAt: Math.round(WINDOW_END - rng.next() * 30 * DAY),
      direction: 'in',
      visibility: kind === 'dm' ? 'private' : 'public',
    });
  }
  return items.sort((a, b) => a.createdAt - b.createdAt);
}

/** Writes that queue into a fresh workspace at `dataDir` through the engine's own ingest, with an account that never syncs. */
export async function buildInboxWorkspace(dataDir: string, conversations: number): Promise<void> {
  const engine = new Engine({ dataDir, log: () => undefined });
  try {
    // No baseUrl in the config: the host finds no connector for it, so nothing syncs while the renderer is timed.
    const accountId = createIdGenerator()();
    engine.repos.accounts.insert({ id: accountId, platform: 'sandbox', name: BRAND.name, handle: BRAND.handle, status: 'active', config: {} }, Date.now());
    await engineIngest(engine.db, accountId, inboxItems(conversations));
    engine.db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    await engine.close();
  }
}
