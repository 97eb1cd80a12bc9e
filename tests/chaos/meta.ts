import { startFakeGraph, type FakeGraph, type Person } from '../../main/engine/platforms/meta/fake';
import type { Rng } from '../../main/engine/platforms/sandbox/fake/prng';

/**
 * The Meta side of a chaos trial: a Facebook Page on the fake Graph, living in
 * the runner's process like the sandbox, so its records survive every kill of
 * the engine. Customers write to it through the fake's own store, as they
 * would to the Page: Messenger messages and comments under the Page's posts.
 */
export const CHAOS_PAGE: Person = { id: '104000000000001', name: 'Northwind Coffee' };

const HOUR_MS = 60 * 60_000;
/** Customers in a trial: few enough that conversations get several messages, and the agent several replies to one. */
const CUSTOMERS = 12;
/**
 * Graph's hourly allowance for the Page in a trial. The engine reads every 100 ms here instead of
 * every 15 s, so the real default (4,800) would be spent within a trial and every read then waits
 * out Meta's throttling for minutes: far beyond what any test may wait.
 */
const CALLS_PER_HOUR = 1_000_000;

const OPENINGS = ['Where is my order', 'Is the shop open on Sunday', 'My card was charged twice', 'Do you ship abroad', 'The mug arrived broken', 'Love the new blend'];

function customer(index: number): Person {
  return { id: String(2_580_001_000_000_000 + index), name: `Customer ${index + 1}` };
}

/** Customer text, unique within the trial so a reply is never mistaken for it. */
function customerText(rng: Rng, serial: number): string {
  return `${rng.pick(OPENINGS)}? (${serial})`;
}

export interface ChaosMeta {
  graph: FakeGraph;
  /** The Page access token the fake accepts; it is given to the engine only through accounts.add. */
  token: string;
  /** A few new customer messages and comments, now. */
  customersWrite(rng: Rng): void;
}

/** Starts the fake Graph with a backlog from the last hours: Messenger conversations and two posts with comments. */
export async function startChaosMeta(rng: Rng, token: string): Promise<ChaosMeta> {
  const graph = await startFakeGraph({ page: CHAOS_PAGE, accessToken: token, callsPerHour: CALLS_PER_HOUR });
  const { store } = graph;
  let serial = 0;
  const now = Date.now();
  for (let i = rng.int(2, 6); i > 0; i--) {
    store.customerWrites('messenger', customer(rng.int(0, CUSTOMERS - 1)), customerText(rng, serial++), now - rng.int(1, 5 * HOUR_MS));
  }
  for (const age of [6 * HOUR_MS, 2 * HOUR_MS]) {
    const post = store.addPost(`Post of ${new Date(now - age).toISOString()}`, now - age);
    for (let i = rng.int(1, 4); i > 0; i--) store.addComment(post, customer(rng.int(0, CUSTOMERS - 1)), customerText(rng, serial++), { at: now - rng.int(1, age - 1) });
  }
  return {
    graph,
    token,
    customersWrite(rng) {
      for (let i = rng.int(0, 2); i > 0; i--) {
        const who = customer(rng.int(0, CUSTOMERS - 1));
        const text = customerText(rng, serial++);
        const posts = [...store.posts.keys()];
        switch (rng.weighted({ message: 3, comment: 2, answer: 1, post: 0.2 })) {
          case 'message':
            store.customerWrites('messenger', who, text);
            break;
          case 'comment':
            store.addComment(rng.pick(posts), who, text);
            break;
          case 'answer': {
            // A customer answering under a comment: the thread of that comment gets it.
            const top = [...store.comments.values()].filter((comment) => comment.replyTo === null);
            const under = rng.pick(top);
            store.addComment(under.parentObjectId, who, text, { replyTo: under.id });
            break;
          }
          case 'post':
            store.addPost(`A new post (${serial})`);
            break;
        }
      }
    },
  };
}
