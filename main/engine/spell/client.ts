/**
 * The main-side face of the spell worker. Every call is a message to the
 * worker, so a dictionary load or a slow suggestion never runs on the
 * caller's thread; `ready(lang)` lets a UI show "loading the Polish
 * dictionary" instead of waiting on it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SpellLang } from './languages';
import type { DictionaryLoad, SpellRequest, SpellResponse, SpellResult, SpellWorkerData } from './protocol';
import type { Misspelling } from './speller';

export type { SpellLang } from './languages';
export type { DictionaryLoad } from './protocol';
export type { Misspelling } from './speller';

export interface SpellChecker {
  misspellings(text: string, lang: SpellLang): Promise<Misspelling[]>;
}

export type LoadState = 'idle' | 'loading' | 'ready' | 'failed';

export interface SpellCheckerClient extends SpellChecker {
  /** Up to five suggestions for one word. */
  suggest(word: string, lang: SpellLang): Promise<string[]>;
  /** The workspace's custom words (brand and product names), accepted in every language from now on. */
  addWords(words: string[]): Promise<void>;
  /** Loads the language's dictionary if nothing has yet; settles when it can answer. */
  ready(lang: SpellLang): Promise<DictionaryLoad>;
  /** Where the language's dictionary stands, without starting a load. */
  state(lang: SpellLang): LoadState;
  /** The languages the worker has loaded, as the worker sees it. */
  loaded(): Promise<SpellLang[]>;
  /** Ends the worker; pending calls reject. */
  close(): Promise<void>;
}

export interface SpellCheckerOptions {
  /** The worker script. By default spell-worker.cjs beside the bundle, or worker.ts beside this file when run from source. */
  workerFile?: string;
  /** Where to start looking for node_modules/dictionary-xx; by default this file's folder. */
  dictionariesFrom?: string;
}

/** The spell checker is closed or its worker stopped. */
export class SpellCheckerClosedError extends Error {
  constructor(reason: string) {
    super(`The spell checker is not running: ${reason}`);
    this.name = 'SpellCheckerClosedError';
  }
}

/**
 * This file's folder. CommonJS bundles and vitest define __dirname; an ES
 * module run by tsx (the bench, a CLI) does not, and reading import.meta would
 * make esbuild warn on every CommonJS build, so those runs are taken to start
 * from the repository root, as npm scripts do.
 */
function here(): string {
  return typeof __dirname === 'string' ? __dirname : join(process.cwd(), 'main', 'engine', 'spell');
}

/**
 * The bundle (scripts/build.mjs) puts spell-worker.cjs next to the code that
 * starts it; from source (tests) the TypeScript worker runs through tsx.
 */
function defaultWorkerFile(): string {
  const bundled = join(here(), 'spell-worker.cjs');
  return existsSync(bundled) ? bundled : join(here(), 'worker.ts');
}

/**
 * Starts the bare worker (createSpellChecker wraps it). Node 20 does not pass
 * `--import tsx` hooks on to a worker's entry file, so a TypeScript worker
 * starts from a one-line script that installs tsx's require hook first.
 */
export function startSpellWorker(options: SpellCheckerOptions = {}): Worker {
  const file = options.workerFile ?? defaultWorkerFile();
  const workerData: SpellWorkerData = { dictionariesFrom: options.dictionariesFrom ?? here() };
  if (!file.endsWith('.ts')) return new Worker(file, { workerData });
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(file)});`, { eval: true, workerData });
}

export function createSpellChecker(options: SpellCheckerOptions = {}): SpellCheckerClient {
  const worker = startSpellWorker(options);
  const pending = new Map<number, { resolve: (result: SpellResult) => void; reject: (error: Error) => void }>();
  const loads = new Map<SpellLang, { promise: Promise<DictionaryLoad>; state: LoadState }>();
  let nextId = 1;
  let stopped: string | undefined;

  const failAll = (reason: string) => {
    stopped ??= reason;
    for (const { reject } of pending.values()) reject(new SpellCheckerClosedError(reason));
    pending.clear();
  };
  worker.on('message', (response: SpellResponse) => {
    const call = pending.get(response.id);
    if (!call) return;
    pending.delete(response.id);
    if (response.ok) call.resolve(response.result);
    else call.reject(new Error(response.error));
  });
  worker.on('error', (error) => failAll(error.message));
  worker.on('exit', (code) => failAll(`the worker exited with code ${code}`));

  // Distributes Omit over the union, so each request keeps its own fields.
  type Request = SpellRequest extends infer R ? (R extends SpellRequest ? Omit<R, 'id'> : never) : never;
  const call = <T extends SpellResult>(request: Request): Promise<T> => {
    if (stopped) return Promise.reject(new SpellCheckerClosedError(stopped));
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (result: SpellResult) => void, reject });
      worker.postMessage({ ...request, id });
    });
  };

  const ready = (lang: SpellLang): Promise<DictionaryLoad> => {
    const known = loads.get(lang);
    if (known && known.state !== 'failed') return known.promise;
    const load = { state: 'loading' as LoadState, promise: call<DictionaryLoad>({ op: 'load', lang }) };
    load.promise.then(
      () => (load.state = 'ready'),
      () => (load.state = 'failed'),
    );
    loads.set(lang, load);
    return load.promise;
  };

  return {
    // The dictionary is asked for explicitly first so that state() shows the load while it runs.
    misspellings: (text, lang) => ready(lang).then(() => call<Misspelling[]>({ op: 'misspellings', text, lang })),
    suggest: (word, lang) => ready(lang).then(() => call<string[]>({ op: 'suggest', word, lang })),
    addWords: async (words) => {
      await call({ op: 'addWords', words });
    },
    ready,
    state: (lang) => loads.get(lang)?.state ?? 'idle',
    loaded: () => call<SpellLang[]>({ op: 'loaded' }),
    close: async () => {
      if (stopped) return;
      failAll('closed');
      await worker.terminate();
    },
  };
}
