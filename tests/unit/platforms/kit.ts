import { afterEach } from 'vitest';
import { PlatformError, type Connector, type UpdatesPage } from '../../../main/engine/platforms/types';

// The test kit every platform's connector tests share: times, a clock, closing fakes, draining a stream, catching a PlatformError.

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** A signal that never aborts, for calls the test does not cancel. */
export const signal = new AbortController().signal;

/** A clock shared by a fake and its connector, moved by the test. */
export class Clock {
  constructor(public at: number) {}
  readonly now = () => this.at;
  advance(ms: number): void {
    this.at += ms;
  }
}

const open: { close(): Promise<void> | void }[] = [];
afterEach(async () => {
  // Newest first: a connector goes before the fake it talks to.
  for (const thing of open.splice(0).reverse()) await thing.close();
});

/** `thing`, closed after the current test. */
export function closeAfterTest<T extends { close(): Promise<void> | void }>(thing: T): T {
  open.push(thing);
  return thing;
}

/** Polls a stream until it reports nothing more to fetch (bounded), returning every page and the last cursor. */
export async function drain(connector: Pick<Connector, 'fetchUpdates'>, stream: string, cursor: string | null = null): Promise<{ pages: UpdatesPage[]; cursor: string | null }> {
  const pages: UpdatesPage[] = [];
  for (let calls = 0; calls < 50; calls++) {
    const page = await connector.fetchUpdates(stream, cursor, signal);
    pages.push(page);
    cursor = page.cursor;
    if (!page.hasMore) return { pages, cursor };
  }
  throw new Error(`${stream} still had more after 50 pages`);
}

export const bodies = (pages: UpdatesPage[]) => pages.flatMap((page) => page.items.map((item) => item.body));

/** The PlatformError a call fails with; anything else (success included) fails the test. */
export async function failure(promise: Promise<unknown>): Promise<PlatformError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof PlatformError)) throw new Error(`expected a PlatformError, got ${String(error)}`);
  return error;
}

/** Keys, recursively, in a stable order: the shape of a payload without its values. */
export function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.length > 0 ? [shape(value[0])] : [];
  if (typeof value !== 'object' || value === null) return typeof value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, shape((value as Record<string, unknown>)[key])]),
  );
}
