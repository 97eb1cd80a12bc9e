import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** README's two commands are the project's promise to a newcomer; CI must run the second one verbatim. */
const readme = readFileSync('README.md', 'utf8');
const ci = readFileSync('.ci/run', 'utf8');
const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
const commands = firstBlock
  .split('\n')
  .map((line) => line.replace(/#.*$/, '').trim())
  .filter(Boolean);

describe('README and CI', () => {
  it('README opens with exactly two commands: the demo and the tests', () => {
    expect(readme.indexOf('```sh')).toBeLessThan(200);
    expect(commands).toHaveLength(2);
    expect(commands[0]).toMatch(/npm run demo$/);
    expect(commands[1]).toMatch(/npm test$/);
  });

  it('.ci/run runs README’s test command exactly, with the Electron download off', () => {
    const ciCommands = ci.split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
    expect(ciCommands.at(-1)).toBe(commands[1]);
    expect(ci).toMatch(/export ELECTRON_SKIP_BINARY_DOWNLOAD=1/);
    expect(ci).toMatch(/export CI=true/);
  });

  it('the set-up updates apt before installing and installs from the lockfile', () => {
    const setup = readFileSync('scripts/setup.sh', 'utf8');
    expect(setup.indexOf('apt-get update')).toBeGreaterThan(0);
    expect(setup.indexOf('apt-get update')).toBeLessThan(setup.indexOf('apt-get install'));
    expect(setup).toMatch(/npm ci/);
    for (const pkg of ['chromium', 'libsecret-1-dev', 'gnome-keyring', 'dbus']) expect(setup).toContain(pkg);
  });
});
