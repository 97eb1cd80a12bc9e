import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The keychain "service" a workspace's tokens are filed under. Each workspace
 * gets its own, so two workspaces on one machine (a demo and a real one, two
 * brands) never see each other's tokens. The data folder is the workspace's
 * identity today; it is hashed because the path may hold a user name, and the
 * keychain UI shows services to anyone who opens it.
 */
export function workspaceSecretService(dataDir: string): string {
  let path = resolve(dataDir);
  try {
    path = realpathSync(path);
  } catch {
    // not created yet: the resolved path is what it will be called
  }
  return `Switchboard/${createHash('sha256').update(path).digest('hex').slice(0, 16)}`;
}
