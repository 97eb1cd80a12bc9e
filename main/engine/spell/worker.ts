/**
 * The spell worker (DESIGN.md: spell-checking has its own worker). A
 * dictionary loads on the first request for its language, so a host that
 * never checks Polish never pays for it, and loading happens off the thread
 * that handles typing. Requests are answered one at a time in arrival order;
 * a request that cannot be served gets an error and the worker goes on.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { loadModule, type HunspellFactory } from 'hunspell-asm';
import { z } from 'zod';
import { findDictionary, SPELL_LANGS, type SpellLang } from './languages';
import type { DictionaryLoad, SpellRequest, SpellResponse, SpellResult, SpellWorkerData } from './protocol';
import { Speller } from './speller';

const MB = 1024 * 1024;
const port = parentPort;
if (!port) throw new Error('The spell worker must run in a worker thread');
const { dictionariesFrom } = workerData as SpellWorkerData;

let factory: Promise<HunspellFactory> | undefined;
const spellers = new Map<SpellLang, Promise<{ speller: Speller; load: DictionaryLoad }>>();
const customWords: string[] = [];
/** Languages whose dictionary finished loading, in load order. */
const loaded = new Set<SpellLang>();

function load(lang: SpellLang): Promise<{ speller: Speller; load: DictionaryLoad }> {
  let loading = spellers.get(lang);
  if (!loading) {
    loading = (async () => {
      const started = performance.now();
      const rssBefore = process.memoryUsage().rss;
      factory ??= loadModule();
      const hunspell = await factory;
      const files = findDictionary(lang, dictionariesFrom);
      const speller = new Speller(lang, hunspell.create(hunspell.mountBuffer(readFileSync(files.aff), `${lang}.aff`), hunspell.mountBuffer(readFileSync(files.dic), `${lang}.dic`)));
      speller.addWords(customWords);
      loaded.add(lang);
      return { speller, load: { lang, loadMs: performance.now() - started, rssDeltaMb: (process.memoryUsage().rss - rssBefore) / MB } };
    })();
    // A failed load (a missing package) is retried on the next request rather than remembered.
    loading.catch(() => spellers.delete(lang));
    spellers.set(lang, loading);
  }
  return loading;
}

async function speller(lang: SpellLang): Promise<Speller> {
  return (await load(lang)).speller;
}

async function serve(request: SpellRequest): Promise<SpellResult> {
  switch (request.op) {
    case 'misspellings':
      return (await speller(request.lang)).misspellings(request.text);
    case 'suggest':
      return (await speller(request.lang)).suggest(request.word);
    case 'addWords': {
      customWords.push(...request.words);
      // A dictionary still loading takes the list when it is created; one that failed has nothing to add to.
      for (const loading of spellers.values()) (await loading.catch(() => undefined))?.speller.addWords(request.words);
      return null;
    }
    case 'load':
      return (await load(request.lang)).load;
    case 'loaded':
      return [...loaded];
  }
}

/** What may cross the thread boundary; anything off-shape is answered with the reason. */
const id = z.number().int().positive();
const lang = z.enum(SPELL_LANGS);
const REQUEST = z.discriminatedUnion('op', [
  z.object({ id, op: z.literal('misspellings'), text: z.string(), lang }),
  z.object({ id, op: z.literal('suggest'), word: z.string(), lang }),
  z.object({ id, op: z.literal('addWords'), words: z.array(z.string().trim().min(1)) }),
  z.object({ id, op: z.literal('load'), lang }),
  z.object({ id, op: z.literal('loaded') }),
]);

function idOf(message: unknown): number {
  const parsed = z.object({ id }).safeParse(message);
  return parsed.success ? parsed.data.id : 0;
}

// One request at a time: a dictionary load or a long check finishes before the next
// request starts, so answers keep the order of the requests.
let queue = Promise.resolve();
port.on('message', (message: unknown) => {
  queue = queue.then(async () => {
    const parsed = REQUEST.safeParse(message);
    let response: SpellResponse;
    if (!parsed.success) response = { id: idOf(message), ok: false, error: `malformed request: ${z.prettifyError(parsed.error)}` };
    else {
      try {
        response = { id: parsed.data.id, ok: true, result: await serve(parsed.data) };
      } catch (error) {
        response = { id: parsed.data.id, ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    }
    port.postMessage(response);
  });
});
