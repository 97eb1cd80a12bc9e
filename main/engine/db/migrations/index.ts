import { schema } from './001-schema';
import { messageSearch } from './002-message-search';
import { triage } from './003-triage';
import { contactSearch } from './004-contact-search';
import { cannedReplies } from './005-canned-replies';
import { customWords } from './006-custom-words';
import { cannedUseMessage } from './007-canned-use-message';
import { accountIdentity } from './008-account-identity';
import { commentHiding } from './009-comment-hiding';
import type { Migration } from './types';

/** Forward-only, in order. Append new migrations; never edit one that has shipped. */
export const migrations: readonly Migration[] = [schema, messageSearch, triage, contactSearch, cannedReplies, customWords, cannedUseMessage, accountIdentity, commentHiding];

export const LATEST_VERSION = migrations.at(-1)!.version;

export type { Migration };
