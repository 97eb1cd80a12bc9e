import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

/**
 * electron-builder.yml is only read by `npm run dist`, which needs the
 * Electron download; this keeps its security settings and its shape checked
 * everywhere. js-yaml is what electron-builder itself reads the file with (a
 * dependency of it, without types of its own); scheme.json is its published
 * configuration schema.
 */
const require = createRequire(import.meta.url);
const { load } = require('js-yaml') as { load(text: string): unknown };
const scheme = require('app-builder-lib/scheme.json') as { properties: Record<string, unknown>; definitions: Record<string, { properties: Record<string, unknown> }> };
const config = load(readFileSync(new URL('../../../electron-builder.yml', import.meta.url), 'utf8')) as Record<string, unknown>;

describe('electron-builder.yml', () => {
  it('uses only keys electron-builder knows (a typo would silently do nothing)', () => {
    for (const key of Object.keys(config)) expect(Object.keys(scheme.properties), key).toContain(key);
    for (const key of Object.keys(config.electronFuses as object)) expect(Object.keys(scheme.definitions.FuseOptionsV1!.properties), key).toContain(key);
  });

  it('flips the fuses that close the usual ways into a packaged Electron app', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
  });

  it('builds the four installers, with native modules rebuilt for Electron and outside the asar', () => {
    expect(config).toMatchObject({ appId: 'app.switchboard.desktop', productName: 'Switchboard', npmRebuild: true });
    expect((config.linux as { target: string[] }).target).toEqual(['AppImage', 'deb']);
    expect((config.win as { target: string }).target).toBe('nsis');
    expect((config.mac as { target: string }).target).toBe('dmg');
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/node_modules/better-sqlite3/**', '**/node_modules/keytar/**']));
    expect(config.artifactName).toMatch(/\$\{productName\}.*\$\{version\}.*\$\{os\}.*\$\{arch\}/);
  });

  it('publishes updates for the generic provider over https', () => {
    const publish = config.publish as { provider: string; url: string };
    expect(publish.provider).toBe('generic');
    expect(new URL(publish.url).protocol).toBe('https:');
  });
});
