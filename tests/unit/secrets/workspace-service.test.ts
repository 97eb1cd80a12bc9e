import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspaceSecretService } from '../../../main/engine/secrets/workspace-service';
import { tempDir } from '../helpers/temp-dir';

describe('workspaceSecretService', () => {
  it('gives each workspace folder its own service, the same however the folder is reached', () => {
    const root = tempDir();
    const a = join(root, 'alice', 'work');
    const b = join(root, 'alice', 'demo');
    mkdirSync(a, { recursive: true });
    mkdirSync(b);
    symlinkSync(a, join(root, 'link'));

    const service = workspaceSecretService(a);
    expect(service).toMatch(/^Switchboard\/[0-9a-f]{16}$/);
    expect(workspaceSecretService(b)).not.toBe(service);
    expect(workspaceSecretService(join(root, 'link'))).toBe(service);
    expect(workspaceSecretService(join(a, '..', 'work'))).toBe(service);
  });
});
