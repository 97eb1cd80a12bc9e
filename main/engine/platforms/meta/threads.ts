import { NODE_ID } from './wire';

/**
 * Thread ids as the engine stores them: the Graph id behind a prefix naming
 * where it lives, because a conversation id alone does not say whether it is
 * Messenger or Instagram, nor a comment id whether it is a Page's or an
 * Instagram media's — and each is answered through a different endpoint.
 */
export type ThreadSurface = 'messenger' | 'instagram' | 'page_comment' | 'ig_comment';

const SURFACES: readonly ThreadSurface[] = ['messenger', 'instagram', 'page_comment', 'ig_comment'];

export interface ThreadRef {
  surface: ThreadSurface;
  graphId: string;
}

export function threadId(surface: ThreadSurface, graphId: string): string {
  return `${surface}:${graphId}`;
}

/** Null for an id this connector did not produce. */
export function parseThreadId(text: string): ThreadRef | null {
  const colon = text.indexOf(':');
  const surface = SURFACES.find((candidate) => candidate === text.slice(0, colon));
  const graphId = text.slice(colon + 1);
  if (colon < 0 || surface === undefined || !NODE_ID.test(graphId)) return null;
  return { surface, graphId };
}

export function isDirect(surface: ThreadSurface): boolean {
  return surface === 'messenger' || surface === 'instagram';
}
