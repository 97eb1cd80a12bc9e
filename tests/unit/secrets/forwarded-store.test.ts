import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SafeStorageSecretStore } from '../../../main/electron/safe-storage-store';
import { chooseSecretStore } from '../../../main/engine/secrets/choose-store';
import { ForwardedSecretStore } from '../../../main/engine/secrets/forwarded-store';
import { MemorySecretStore } from '../../../main/engine/secrets/memory-store';
import { serveSecretStore } from '../../../main/engine/secrets/serve-store';
import type { SecretStore } from '../../../main/engine/secrets/secret-store';
import type { SecretAnswer } from '../../../main/engine/worker-protocol';
import { fakeCipher } from './fake-cipher';
import { fakeKeytar, neverAnswers } from './fake-keytar';
import type { ServeRequest } from './fixtures/secret-host-worker';
import { describeSecretStore, refusal } from './store-behaviour';

const HOST_WORKER = fileURLToPath(new URL('./fixtures/secret-host-worker.ts', import.meta.url));
const SERVICE = 'Switchboard/0123456789abcdef';

// Every port a test opens, closed at the end so this file's process can exit.
const ports: MessagePort[] = [];
function channel(): MessageChannel {
  const opened = new MessageChannel();
  ports.push(opened.port1, opened.port2);
  return opened;
}
afterAll(() => {
  for (const port of ports.splice(0)) port.close();
});

/** A ForwardedSecretStore whose requests `store` answers in this thread, over a real MessageChannel. */
function forwardedTo(store: SecretStore, timeoutMs?: number): ForwardedSecretStore {
  const { port1, port2 } = channel();
  serveSecretStore(port1, store);
  return new ForwardedSecretStore(port2, timeoutMs);
}

/** A host that holds every request it gets until the test answers it by hand. */
function heldHost(timeoutMs = 50) {
  const { port1, port2 } = channel();
  const requests: { id: number; op: string }[] = [];
  port1.on('message', (request: { id: number; op: string }) => requests.push(request));
  return { host: port1, requests, store: new ForwardedSecretStore(port2, timeoutMs), answer: (reply: unknown) => port1.postMessage(reply) };
}

/** The answers a raw port gets from serveSecretStore for `messages`, in order. */
async function answersTo(store: SecretStore, messages: unknown[]): Promise<SecretAnswer[]> {
  const { port1, port2 } = channel();
  serveSecretStore(port1, store);
  const answers: SecretAnswer[] = [];
  const all = new Promise<void>((done) =>
    port2.on('message', (answer: SecretAnswer) => {
      answers.push(answer);
      if (answers.length === messages.length) done();
    }),
  );
  for (const message of messages) port2.postMessage(message);
  await all;
  return answers;
}

describe('the forwarded store over a MessageChannel', () => {
  let dir: string;
  const cipher = fakeCipher();
  beforeAll(() => void (dir = mkdtempSync(join(tmpdir(), 'switchboard-forwarded-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // A safeStorage store is its file: opening the same workspace again reaches the same secrets.
  describeSecretStore('a safeStorage store served over a MessageChannel', (workspace) => forwardedTo(new SafeStorageSecretStore(cipher, join(dir, `${workspace}.bin`))));
});

describe('the forwarded store across a real thread', () => {
  let dir: string;
  let host: Worker;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-forwarded-thread-'));
    // Node 20 does not pass `--import tsx` on to workers: the TypeScript file starts behind tsx's require hook.
    host = new Worker(`require('tsx/cjs'); require(${JSON.stringify(HOST_WORKER)});`, { eval: true });
  });
  afterAll(async () => {
    await host.terminate();
    rmSync(dir, { recursive: true, force: true });
  });

  // The roles are the engine's turned around (the suite must call the store from this thread), the crossing is the same.
  describeSecretStore('a safeStorage store served from another thread', (workspace) => {
    const { port1, port2 } = channel();
    host.postMessage({ port: port2, file: join(dir, `${workspace}.bin`) } satisfies ServeRequest, [port2]);
    return new ForwardedSecretStore(port1);
  });
});

describe('the forwarded store when the host misbehaves', () => {
  it('gives up on a host that never answers: unavailable, naming the key and never the secret', async () => {
    const { store, requests } = heldHost();
    const reading = await refusal(store.get('acc-1'));
    expect(reading).toMatchObject({ code: 'unavailable', key: 'acc-1', message: 'The app’s fallback secret store did not answer get within 50 ms' });
    const writing = await refusal(store.set('acc-2', 'MARK-secret-never-answered'));
    expect(writing).toMatchObject({ code: 'unavailable', key: 'acc-2' });
    expect(`${writing.message} ${writing.stack}`).not.toContain('MARK-secret');
    expect(requests.map((request) => request.op)).toEqual(['get', 'set']);
  });

  it('ignores an answer that comes after the call gave up, and the next call still works', async () => {
    // The host sits on the first request and answers the next at once, sending the late answer first.
    const { port1, port2 } = channel();
    let held: number | undefined;
    port1.on('message', (request: { id: number }) => {
      if (held === undefined) return void (held = request.id);
      port1.postMessage({ id: held, ok: true, value: 'too-late' });
      port1.postMessage({ id: request.id, ok: true, value: ['acc-1'] });
    });
    const store = new ForwardedSecretStore(port2, 1_000);
    expect((await refusal(store.get('acc-1'))).code).toBe('unavailable');
    expect(await store.list()).toEqual(['acc-1']);
  });

  it('refuses answers it cannot read or of the wrong kind, and never hangs on them', async () => {
    const { store, requests, answer } = heldHost(10_000);
    const cases: [Promise<unknown>, unknown][] = [
      [store.get('acc-1'), { ok: true, value: 42 }],
      [store.delete('acc-2'), { ok: 'yes' }],
      [store.list(), { ok: false, error: { code: 'exploded', message: 'no such code' } }],
      [store.set('acc-3', 'token'), { ok: true, value: 'set answers null' }],
    ];
    await expect.poll(() => requests.length).toBe(cases.length);
    // Messages that name no call are dropped: the calls above are still waiting for theirs.
    answer('not an answer');
    answer({ id: 'one', ok: true, value: null });
    cases.forEach(([, reply], index) => answer({ ...(reply as object), id: requests[index]!.id }));
    for (const [call] of cases) expect((await refusal(call)).code).toBe('failed');
  });

  it('fails calls in flight and later ones when the host closes its end', async () => {
    const { store, host, requests } = heldHost(10_000);
    const waiting = store.get('acc-1');
    await expect.poll(() => requests.length).toBe(1);
    host.close();
    expect(await refusal(waiting)).toMatchObject({ code: 'unavailable', key: 'acc-1', message: 'The app’s fallback secret store closed its connection' });
    expect((await refusal(store.list())).code).toBe('unavailable');
  });

  it('checks keys and secrets itself, so what a store would refuse never crosses the port', async () => {
    const { store, requests } = heldHost(10_000);
    expect((await refusal(store.set('acc-1', 'bad\0secret'))).code).toBe('invalid');
    expect((await refusal(store.get('line\nbreak'))).code).toBe('invalid');
    expect(requests).toEqual([]);
  });
});

describe('errors of the host’s store, passed back', () => {
  it('keep their code and message: unavailable encryption, a corrupt file', async () => {
    const cipher = fakeCipher();
    const file = join(mkdtempSync(join(tmpdir(), 'switchboard-forwarded-errors-')), 'secrets.bin');
    try {
      const store = forwardedTo(new SafeStorageSecretStore(cipher, file));
      await store.set('acc-1', 'token');
      cipher.available = false;
      expect(await refusal(store.get('acc-1'))).toMatchObject({ code: 'unavailable', key: 'acc-1', message: expect.stringMatching(/Encrypted storage is not available/) });
      cipher.available = true;
      const corrupt = forwardedTo(new SafeStorageSecretStore(fakeCipher(), file)); // another user's key: the file does not decrypt
      expect(await refusal(corrupt.list())).toMatchObject({ code: 'corrupt', message: expect.stringContaining(file) });
    } finally {
      rmSync(join(file, '..'), { recursive: true, force: true });
    }
  });

  it('never carry the secret, even from a store whose own errors do', async () => {
    const mark = 'MARK-secret-echoed-by-the-store';
    const cipher = fakeCipher();
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-forwarded-echo-'));
    const leaky: SecretStore = {
      get: async () => null,
      delete: async () => false,
      list: async () => [],
      set: async (key, secret) => {
        throw new Error(`backend refused ${key}=${secret}`);
      },
    };
    try {
      const echoing = await refusal(forwardedTo(leaky).set('acc-1', `${mark}-1`));
      expect(echoing).toMatchObject({ code: 'failed', key: 'acc-1', message: 'backend refused acc-1=[secret]' });
      // safeStorage's cipher echoes what it was given when it fails; the store hides it, and so does the port.
      const safe = new SafeStorageSecretStore(cipher, join(dir, 'secrets.bin'));
      cipher.failNextEncrypt = true;
      const encrypting = await refusal(forwardedTo(safe).set('acc-2', `${mark}-2`));
      expect(encrypting.code).toBe('failed');
      for (const error of [echoing, encrypting]) expect(`${error.message} ${error.stack}`).not.toContain(mark);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('serveSecretStore given malformed requests', () => {
  it('answers each with invalid, naming fields but never values, and goes on serving', async () => {
    const mark = 'MARK-secret-in-a-bad-request';
    const store = new MemorySecretStore();
    await store.set('acc-1', 'kept');
    const answers = await answersTo(store, [
      42,
      null,
      'get acc-1',
      { id: 1, op: 'steal', key: 'acc-1' },
      { id: 2, op: 'get' },
      { id: 3, op: 'set', key: 'acc-1', secret: { value: mark } },
      { id: 4, op: 'set', key: 7, secret: mark },
      { id: -1, op: 'list' },
      { id: 1.5, op: 'list' },
      { id: 5, op: 'set', key: 'acc-1', secret: `${mark}\0` },
      { id: 6, op: 'get', key: 'k'.repeat(1_000_000) },
      { id: 7, op: 'get', key: 'acc-1' },
    ]);
    expect(answers.map((answer) => (answer.ok ? answer.value : answer.error.code))).toEqual([...Array(11).fill('invalid'), 'kept']);
    expect(answers.map((answer) => answer.id)).toEqual([null, null, null, 1, 2, 3, 4, null, null, 5, 6, 7]);
    expect(answers[4]).toMatchObject({ error: { message: 'A secret request was malformed (key) and was refused' } });
    for (const answer of answers) expect(JSON.stringify(answer)).not.toContain(mark);
    expect(await store.get('acc-1')).toBe('kept');
  });
});

describe('chooseSecretStore with the host’s fallback forwarded', () => {
  it('picks the forwarded fallback when no keychain answers, and moves its secrets into the keychain once one does', async () => {
    const host = new MemorySecretStore();
    const fallback = forwardedTo(host);
    const away = await chooseSecretStore({ service: SERVICE, fallback, probeTimeoutMs: 50, loadKeytar: async () => fakeKeytar({ findCredentials: neverAnswers }) });
    expect(away).toMatchObject({ backend: 'fallback', migrated: [], problem: { code: 'unavailable' } });
    expect(away.store).toBe(fallback);
    await away.store.set('acc-1', 'token-kept-by-the-host');
    await away.store.set('acc-2', 'second-token');
    expect((await host.list()).sort()).toEqual(['acc-1', 'acc-2']);

    const keytar = fakeKeytar();
    const back = await chooseSecretStore({ service: SERVICE, fallback, loadKeytar: async () => keytar });
    expect(back.backend).toBe('keychain');
    expect(back.problem).toBeUndefined();
    expect(back.migrated.sort()).toEqual(['acc-1', 'acc-2']);
    expect(await keytar.getPassword(SERVICE, 'acc-1')).toBe('token-kept-by-the-host');
    expect(await back.store.get('acc-2')).toBe('second-token');
    expect(await host.list()).toEqual([]);
  });
});
