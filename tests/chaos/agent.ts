import type { Rng } from '../../main/engine/platforms/sandbox/fake/prng';
import { RpcError, type Client } from '../../shared/rpc';
import { sleep } from '../../main/engine/support/sleep';
import { DISTINCT_REPLY_TEXTS, replyText } from './reply-text';

export interface QueuedReply {
  clientId: string;
  conversationId: string;
  text: string;
  /** The engine answered reply.send for it: the reply is queued for certain. */
  answered: boolean;
}

/** A hide or unhide the agent asked for; the last one per message is what the platform must show in the end. */
export interface HideWish {
  messageId: string;
  hidden: boolean;
  /** The engine answered message.setHidden: the wish is stored for certain. */
  answered: boolean;
}

/** An account the agent connects over the contract, as from the accounts screen: platform, token, config. */
export interface AccountToAdd {
  platform: 'facebook';
  token: string;
  config: Record<string, unknown>;
}

const GONE = Symbol('engine gone');
const REFUSED = Symbol('refused');

/** Pause between an agent's actions. */
const THINK_MS = { min: 5, max: 100 };
const MAX_CONCURRENT_SENDS = 3;
/** How often a round of work also hides or shows a customer's comment, as a moderator does between replies. */
const HIDE_CHANCE = 0.35;
/** accounts.add refused because the platform could not be asked (an injected fault): tried again this often, this far apart. */
const ADD_ATTEMPTS = 40;
const ADD_RETRY_MS = 150;

/**
 * The agent script: queues replies to random conversations of either account over the contract,
 * as the composer does. Each reply's client id is made and remembered before
 * the call, so a call whose answer was lost with the engine is made again,
 * unchanged, once the engine is back — the engine makes that idempotent, and
 * the verifier checks it did. Now and then it repeats a call that was
 * answered, as a double-pressed send key would.
 *
 * Between replies it hides customers' comments or shows them again (mostly
 * flipping, sometimes asking for the state a comment already has), one wish at
 * a time; an unanswered wish is asked again first thing in the next life, so
 * the last wish per comment is known for the verdict.
 *
 * Before any of that it connects its account (a Facebook Page), as an agent
 * pasting a token does, until the engine has it: after a kill the list says
 * whether the add whose answer was lost got stored, since adding the same Page
 * again is refused.
 */
export class Agent {
  private readonly replies: QueuedReply[] = [];
  private readonly wishes: HideWish[] = [];
  private made = 0;
  private connected = false;
  /** Calls the engine refused for a reason other than being gone: each one is a failure of the run. */
  readonly errors: string[] = [];

  constructor(
    private readonly rng: Rng,
    private readonly maxReplies: number,
    private readonly account: AccountToAdd,
  ) {
    if (maxReplies > DISTINCT_REPLY_TEXTS) throw new RangeError(`at most ${DISTINCT_REPLY_TEXTS} replies per trial`);
  }

  get queued(): readonly QueuedReply[] {
    return this.replies;
  }

  get hideWishes(): readonly HideWish[] {
    return this.wishes;
  }

  /** Replies whose reply.send has not been answered yet. */
  get unanswered(): QueuedReply[] {
    return this.replies.filter((reply) => !reply.answered);
  }

  /**
   * Works until `signal` aborts or the engine goes away. `afterSend` is told
   * of every answered reply.send: the kill plan likes that moment.
   */
  async work(client: Client, signal: AbortSignal, afterSend: () => void): Promise<void> {
    if (!(await this.connect(client, signal))) return;
    if (!(await this.retryUnanswered(client, afterSend))) return;
    while (!signal.aborted) {
      // One account's conversations at a time, picked at random: the sandbox's backlog would otherwise fill the list.
      const platform = this.rng.pick(['sandbox', this.account.platform] as const);
      const conversations = await this.call(() => client.call('inbox.list', { view: 'all', filter: { platform }, offset: 0, limit: 100 }));
      if (conversations === GONE || conversations === REFUSED) return;
      // Several sends at once, as from a few tabs or a quick typist: more replies are in flight when a kill lands.
      const batch: QueuedReply[] = [];
      for (let i = this.rng.int(1, MAX_CONCURRENT_SENDS); i > 0; i--) {
        const answered = this.replies.filter((reply) => reply.answered);
        if (answered.length > 0 && this.rng.chance(0.1)) batch.push(this.rng.pick(answered));
        else if (this.made < this.maxReplies && conversations.items.length > 0) batch.push(this.newReply(this.rng.pick(conversations.items).id));
      }
      const results = await Promise.all(batch.map((reply) => this.send(client, reply, afterSend)));
      if (results.includes(false)) return;
      const comments = conversations.items.filter((item) => item.kind === 'comment');
      if (comments.length > 0 && this.rng.chance(HIDE_CHANCE) && !(await this.moderate(client, this.rng.pick(comments).id))) return;
      await sleep(this.rng.int(THINK_MS.min, THINK_MS.max), signal);
    }
  }

  /** Makes every unanswered call again, in the order first made; false if the engine went away meanwhile. */
  async retryUnanswered(client: Client, afterSend: () => void): Promise<boolean> {
    for (const reply of this.unanswered) if (!(await this.send(client, reply, afterSend))) return false;
    for (const wish of this.wishes.filter((w) => !w.answered)) if (!(await this.setHidden(client, wish))) return false;
    return true;
  }

  /** Adds the account unless the engine has it; false if the engine went away (or `signal` ended the life) first. */
  private async connect(client: Client, signal: AbortSignal): Promise<boolean> {
    for (let attempt = 1; !this.connected; attempt++) {
      const listed = await this.call(() => client.call('accounts.list', {}));
      if (listed === GONE) return false;
      if (listed === REFUSED) return true;
      if (listed.accounts.some((account) => account.platform === this.account.platform)) {
        this.connected = true;
        break;
      }
      try {
        await client.call('accounts.add', this.account);
        this.connected = true;
      } catch (error) {
        if (error instanceof RpcError && error.code === 'unavailable') return false;
        const transient = error instanceof RpcError && error.code === 'refused' && /try again/.test(error.message);
        if (!transient || attempt === ADD_ATTEMPTS) {
          this.errors.push(`accounts.add (${this.account.platform}) refused on attempt ${attempt}: ${(error as Error).message}`);
          return true;
        }
        await sleep(ADD_RETRY_MS, signal);
        if (signal.aborted) return false;
      }
    }
    return true;
  }

  /**
   * Adds the connected account once more, which must be refused (the same Page twice would sync and
   * send twice); false if the engine went away.
   */
  async addAgain(client: Client): Promise<boolean> {
    try {
      await client.call('accounts.add', this.account);
      this.errors.push(`accounts.add (${this.account.platform}) accepted the same account a second time`);
    } catch (error) {
      if (error instanceof RpcError && error.code === 'unavailable') return false;
      if (!(error instanceof RpcError && error.code === 'refused' && /already connected/.test(error.message))) {
        this.errors.push(`accounts.add (${this.account.platform}) a second time: ${(error as Error).message}`);
      }
    }
    return true;
  }

  /** Hides one of the conversation's customer comments, or shows it again; false if the engine went away. */
  private async moderate(client: Client, conversationId: string): Promise<boolean> {
    const conversation = await this.call(() => client.call('conversation.get', { id: conversationId }));
    if (conversation === GONE) return false;
    if (conversation === REFUSED) return true;
    const comments = conversation.messages.filter((message) => message.direction === 'in');
    if (comments.length === 0) return true;
    const comment = this.rng.pick(comments);
    const wish = { messageId: comment.id, hidden: this.rng.chance(0.85) ? !comment.hidden : comment.hidden, answered: false };
    this.wishes.push(wish);
    return this.setHidden(client, wish);
  }

  private async setHidden(client: Client, wish: HideWish): Promise<boolean> {
    const message = await this.call(() => client.call('message.setHidden', { messageId: wish.messageId, hidden: wish.hidden }));
    if (message === GONE) return false;
    if (message === REFUSED) {
      this.wishes.splice(this.wishes.indexOf(wish), 1);
      return true;
    }
    if (message.hidden !== wish.hidden) this.errors.push(`message.setHidden(${wish.messageId}, ${wish.hidden}) answered hidden=${message.hidden}`);
    wish.answered = true;
    return true;
  }

  private newReply(conversationId: string): QueuedReply {
    // Counted apart from the list, which loses refused replies: a client id and a text are never given twice.
    const index = this.made++;
    const reply = { clientId: `chaos-${index}`, conversationId, text: replyText(index), answered: false };
    this.replies.push(reply);
    return reply;
  }

  private async send(client: Client, reply: QueuedReply, afterSend: () => void): Promise<boolean> {
    const message = await this.call(() =>
      client.call('reply.send', { conversationId: reply.conversationId, clientId: reply.clientId, body: reply.text, lang: 'en' }),
    );
    if (message === GONE) return false;
    if (message === REFUSED) {
      // Not queued, so not owed to the customer; the refusal itself already fails the run.
      this.replies.splice(this.replies.indexOf(reply), 1);
      return true;
    }
    if (message.clientId !== reply.clientId || message.body !== reply.text) {
      this.errors.push(`reply.send for ${reply.clientId} answered with another message (${message.id})`);
    }
    reply.answered = true;
    afterSend();
    return true;
  }

  /** The call's answer; GONE when the engine went away (the caller stops), REFUSED (and recorded) for any other error. */
  private async call<T>(run: () => Promise<T>): Promise<T | typeof GONE | typeof REFUSED> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof RpcError && error.code === 'unavailable') return GONE;
      this.errors.push(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
      return REFUSED;
    }
  }
}
