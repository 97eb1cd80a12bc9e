import { schema } from './001-schema';
import { messageSearch } from './002-message-search';
import type { Migration } from './types';

/** Forward-only, in order. Append new migrations; never edit one that has shipped. */
export const migrations: readonly Migration[] = [schema, messageSearch];

export const LATEST_VERSION = migrations.at(-1)!.version;

export type { Migration };
