/**
 * The engine's side of the pre-publish checks (DESIGN.md, "Checks before
 * publishing"): it knows the conversation (platform, default visibility), the
 * workspace's custom words and the one spell checker, and it is the last word
 * before a reply is queued. The spell engine starts on the first check, so a
 * workspace that never writes pays nothing for it.
 */
import { CannedRepeatLimit, DEFAULT_CANNED_REPEAT_LIMIT, defaultVisibility, type Message, type Visibility } from '../../../shared/domain';
import { RpcError } from '../../../shared/rpc';
import { renderForConversation } from '../canned/for-conversation';
import { sentUnchanged } from '../canned/unchanged';
import type { Db } from '../db/open';
import type { Repos } from '../db/repos';
import type { ReplyInput } from '../outbox/outbox';
import { createSpellChecker, SpellCheckerClosedError, type SpellCheckerClient } from '../spell/client';
import { runChecks, type CannedUses, type CheckLang, type CheckResult, type Finding, type SpellChecker } from './index';

export interface ReplyCheckInput {
  conversationId: string;
  text: string;
  /** By default as `reply.send` would publish it: private in a DM, public elsewhere. */
  visibility?: Visibility;
  lang: 'auto' | CheckLang;
  /** The canned reply the text was built from, for the repeated-canned check. */
  cannedId?: string;
}

export interface EngineChecksDeps {
  db: Db;
  repos: Repos;
  now: () => number;
  log: (message: string) => void;
  /** Starts the spell engine (Hunspell in its own worker); tests may hand in another. */
  createSpeller?: () => SpellCheckerClient;
}

const CANNED_REPEAT_LIMIT_KEY = 'composer.cannedRepeatLimit';
const DAY_MS = 24 * 60 * 60 * 1000;

/** What stops a send: every block, and every warning whose rule the agent did not override. */
function stoppingFindings(findings: readonly Finding[], overrides: ReadonlySet<string>): Finding[] {
  return findings.filter((finding) => finding.severity === 'block' || !overrides.has(finding.rule));
}

export class EngineChecks {
  private speller: SpellCheckerClient | undefined;
  private readonly words: Set<string>;
  private closed = false;
  /** Hands the pipeline the live spell checker; a failing spell engine costs the spelling findings, never the check. */
  private readonly spelling: SpellChecker = {
    misspellings: async (text, lang) => {
      const speller = this.spellerOrNothing();
      if (!speller) return [];
      try {
        return await speller.misspellings(text, lang);
      } catch (error) {
        // A stopped worker is replaced on the next check; a dictionary that failed to load is retried by the worker itself.
        if (error instanceof SpellCheckerClosedError && this.speller === speller) this.speller = undefined;
        this.deps.log(`checks: spelling skipped: ${error instanceof Error ? error.message : String(error)}`);
        return [];
      }
    },
  };

  constructor(private readonly deps: EngineChecksDeps) {
    this.words = new Set(deps.repos.customWords.list());
  }

  /** Warn when a canned reply went unchanged to more customers than this in the last 24 hours. */
  get cannedRepeatLimit(): number {
    return this.deps.repos.settings.get(CANNED_REPEAT_LIMIT_KEY, CannedRepeatLimit, DEFAULT_CANNED_REPEAT_LIMIT);
  }

  set cannedRepeatLimit(limit: number) {
    this.deps.repos.settings.set(CANNED_REPEAT_LIMIT_KEY, CannedRepeatLimit.parse(limit));
  }

  async check(input: ReplyCheckInput): Promise<CheckResult & { visibility: Visibility; cannedUses?: CannedUses }> {
    const { repos } = this.deps;
    const target = repos.conversations.target(input.conversationId);
    if (!target) throw new RpcError('not_found', 'No such conversation');
    const platform = repos.accounts.get(target.accountId)!.platform;
    const visibility = input.visibility ?? defaultVisibility(target.kind);
    const cannedUses = input.cannedId === undefined ? undefined : this.cannedUses(input.cannedId, input.conversationId, target.contactId, input.text);
    const result = await runChecks({ text: input.text, visibility, platform, lang: input.lang, spelling: this.spelling, customWords: this.words, cannedUses });
    return { ...result, visibility, cannedUses };
  }

  /** How often the canned reply went out unchanged lately; nothing when it has been deleted since it was inserted. */
  private cannedUses(cannedId: string, conversationId: string, contactId: string | null, text: string): CannedUses | undefined {
    const { repos, now } = this.deps;
    const reply = repos.canned.get(cannedId);
    const rendered = reply && renderForConversation(repos, reply, conversationId);
    if (!rendered) return undefined;
    return {
      unchanged: sentUnchanged(text, rendered),
      customersLast24h: repos.canned.customersUnchangedSince(cannedId, now() - DAY_MS, contactId),
      limit: this.cannedRepeatLimit,
    };
  }

  /**
   * Checks a reply once more, authoritatively, and queues it only if nothing
   * stops it; the warnings the agent overrode go to the audit log with the
   * rule and the text, in the transaction that queues the reply. A call
   * repeating a client id that already has its message is the same reply
   * retried (its answer was lost): it was checked when it was accepted, so it
   * gets that message back unchecked — refusing it now would tell the agent a
   * queued, maybe published, reply was not sent.
   */
  async send(input: ReplyInput & { overrides: readonly string[]; lang: 'auto' | CheckLang; cannedId?: string }, enqueue: (reply: ReplyInput) => Message): Promise<Message> {
    const { db, repos, now } = this.deps;
    const { overrides, lang, cannedId, ...reply } = input;
    if (repos.messages.getByClientId(reply.clientId)) return enqueue(reply);
    const { findings, visibility, cannedUses } = await this.check({ conversationId: reply.conversationId, text: reply.body, visibility: reply.visibility, lang, cannedId });
    const stopping = stoppingFindings(findings, new Set(overrides));
    if (stopping.length > 0) {
      throw new RpcError(
        'refused',
        `The reply was not sent: ${stopping.length} finding(s) of the checks before publishing`,
        stopping.map((finding) => ({ path: finding.rule, message: finding.text })),
      );
    }
    return db.transaction(() => {
      // Another call with this client id may have queued it while this one was checking.
      const retried = repos.messages.getByClientId(reply.clientId) !== undefined;
      const message = enqueue({ ...reply, visibility });
      if (!retried) {
        // Nothing stopped the send, so every finding left is a warning the agent overrode.
        for (const { rule, text } of findings) {
          repos.audit.record({ at: now(), actor: reply.actor, action: 'check.override', entity: 'message', entityId: message.id, data: { conversationId: reply.conversationId, rule, text } });
        }
        if (cannedId !== undefined && cannedUses) {
          const contactId = repos.conversations.target(reply.conversationId)?.contactId ?? null;
          repos.canned.recordUse({ cannedReplyId: cannedId, messageId: message.id, conversationId: reply.conversationId, contactId, unchanged: cannedUses.unchanged, at: now() });
        }
      }
      return message;
    })();
  }

  /** Adds a brand or product name for every language; false when the workspace already has it in any case. */
  async addWord(word: string, actor: string): Promise<boolean> {
    const { db, repos, now } = this.deps;
    const added = db.transaction(() => {
      const at = now();
      if (!repos.customWords.add(word, at, actor)) return false;
      repos.audit.record({ at, actor, action: 'dictionary.add', entity: 'settings', entityId: 'custom_words', data: { word } });
      return true;
    })();
    if (!added) return false;
    this.words.add(word);
    // The pipeline already skips the word; the spell engine also needs it to suggest it. A stopped worker gets it when it is replaced.
    await this.speller?.addWords([word]).catch((error: unknown) => this.deps.log(`checks: custom word not given to the spell engine: ${String(error)}`));
    return true;
  }

  listWords(): string[] {
    return this.deps.repos.customWords.list();
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.speller?.close();
    this.speller = undefined;
  }

  private spellerOrNothing(): SpellCheckerClient | undefined {
    if (this.closed) return undefined;
    if (!this.speller) {
      const speller = (this.deps.createSpeller ?? createSpellChecker)();
      // The worker answers in order, so the words are in before the first check; if it fails, that check fails too and says why.
      if (this.words.size > 0) speller.addWords([...this.words]).catch(() => {});
      this.speller = speller;
    }
    return this.speller;
  }
}
