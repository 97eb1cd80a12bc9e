/**
 * The engine's side of the pre-publish checks (DESIGN.md, "Checks before
 * publishing"): it knows the conversation (platform, default visibility), the
 * workspace's custom words and the one spell checker, and it is the last word
 * before a reply is queued. The spell engine starts on the first check, so a
 * workspace that never writes pays nothing for it.
 */
import { defaultVisibility, type Message, type Visibility } from '../../../shared/domain';
import { RpcError } from '../../../shared/rpc';
import type { Db } from '../db/open';
import type { Repos } from '../db/repos';
import type { ReplyInput } from '../outbox/outbox';
import { createSpellChecker, SpellCheckerClosedError, type SpellCheckerClient } from '../spell/client';
import { runChecks, type CheckLang, type CheckResult, type Finding, type SpellChecker } from './index';

export interface ReplyCheckInput {
  conversationId: string;
  text: string;
  /** By default as `reply.send` would publish it: private in a DM, public elsewhere. */
  visibility?: Visibility;
  lang: 'auto' | CheckLang;
}

export interface EngineChecksDeps {
  db: Db;
  repos: Repos;
  now: () => number;
  log: (message: string) => void;
  /** Starts the spell engine (Hunspell in its own worker); tests may hand in another. */
  createSpeller?: () => SpellCheckerClient;
}

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

  async check(input: ReplyCheckInput): Promise<CheckResult & { visibility: Visibility }> {
    const { repos } = this.deps;
    const target = repos.conversations.target(input.conversationId);
    if (!target) throw new RpcError('not_found', 'No such conversation');
    const platform = repos.accounts.get(target.accountId)!.platform;
    const visibility = input.visibility ?? defaultVisibility(target.kind);
    const result = await runChecks({ text: input.text, visibility, platform, lang: input.lang, spelling: this.spelling, customWords: this.words });
    return { ...result, visibility };
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
  async send(input: ReplyInput & { overrides: readonly string[]; lang: 'auto' | CheckLang }, enqueue: (reply: ReplyInput) => Message): Promise<Message> {
    const { db, repos, now } = this.deps;
    const { overrides, lang, ...reply } = input;
    if (repos.messages.getByClientId(reply.clientId)) return enqueue(reply);
    const { findings, visibility } = await this.check({ conversationId: reply.conversationId, text: reply.body, visibility: reply.visibility, lang });
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
      // Nothing stopped the send, so every finding left is a warning the agent overrode.
      if (!retried) {
        for (const { rule, text } of findings) {
          repos.audit.record({ at: now(), actor: reply.actor, action: 'check.override', entity: 'message', entityId: message.id, data: { conversationId: reply.conversationId, rule, text } });
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
