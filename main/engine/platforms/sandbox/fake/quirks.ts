import type { Mood } from './corpus';
import type { Rng } from './prng';

/** How people actually type: slips of the finger, caps lock when angry, emoji. */

/** Words of four letters or more, but not handles: a typo in @northwind would no longer be a mention. */
const WORD = /(?<![@\p{L}])\p{L}{4,}/gu;

/** One slip in a word of four letters or more: two letters swapped, one dropped, or one doubled. */
export function addTypo(text: string, rng: Rng): string {
  const words = [...text.matchAll(WORD)];
  if (words.length === 0) return text;
  const word = rng.pick(words);
  const start = word.index;
  const at = start + rng.int(1, word[0].length - 2);
  const [a, b] = [text[at]!, text[at + 1]!];
  switch (rng.int(0, 2)) {
    case 0:
      return text.slice(0, at) + b + a + text.slice(at + 2);
    case 1:
      return text.slice(0, at) + text.slice(at + 1);
    default:
      return text.slice(0, at) + a + text.slice(at);
  }
}

/** Furious customers shout: the whole message in capitals, or just the ending turned into "!!!" / "???". */
export function shout(text: string, rng: Rng): string {
  const shouted = text.length < 300 && rng.chance(0.5) ? text.toUpperCase() : text;
  return shouted.replace(/[.!?]*$/, (ending) => (ending.includes('?') ? '???' : '!!!'));
}

const EMOJI: Readonly<Record<Mood, readonly string[]>> = {
  happy: ['🙂', '😊', '👍', '🙏', '❤️', '🎉', '😍'],
  neutral: ['🙂', '🙏', '📦', '🤔', '👀'],
  furious: ['😡', '🤬', '👎', '😤', '📦', '🙄'],
};

/** One to three emoji matching the mood, at the end or after the first sentence. */
export function addEmoji(text: string, rng: Rng, mood: Mood): string {
  const emoji = Array.from({ length: rng.int(1, 3) }, () => rng.pick(EMOJI[mood])).join('');
  const firstSentence = /[.!?](?= )/.exec(text);
  if (firstSentence && rng.chance(0.4)) {
    const at = firstSentence.index + 1;
    return `${text.slice(0, at)} ${emoji}${text.slice(at)}`;
  }
  return `${text} ${emoji}`;
}
