import { ME, type CannedReply } from '../../../shared/domain';
import { translate } from '../../../shared/i18n';
import type { Repos } from '../db/repos';
import { renderCanned, type Rendered } from './render';

/**
 * A canned reply as it would go into this conversation: the contact's name,
 * the local agent's, the account's, and the platform named in the reply's
 * language (it is part of the sentence). Undefined for an unknown conversation.
 */
export function renderForConversation(repos: Repos, reply: Pick<CannedReply, 'body' | 'lang'>, conversationId: string): Rendered | undefined {
  const conversation = repos.conversations.get(conversationId);
  if (!conversation) return undefined;
  return renderCanned(reply.body, {
    contact: { name: conversation.contactName },
    agent: { name: repos.agents.get(ME)?.name ?? '' },
    account: { name: repos.accounts.get(conversation.accountId)?.name ?? '' },
    platform: translate(reply.lang ?? conversation.lang ?? 'en', `platform.${conversation.platform}`),
  });
}
