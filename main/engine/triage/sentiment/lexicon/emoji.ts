/**
 * Emoji and emoticons, shared by all languages. Keyed by the base code point
 * (tokenize.ts strips variation selectors, skin tones and ZWJ tails).
 * 👏 and 🙃 lean the way customers actually use them: 👏 is often sarcastic
 * applause, 🙃 is passive-aggressive.
 */
export const EMOJI_WEIGHTS: ReadonlyMap<string, number> = new Map([
  // angry, disgusted, let down
  ['🤬', -3.5], ['🖕', -3.5], ['😡', -3], ['🤮', -3], ['😠', -2.5], ['👎', -2.5], ['💩', -2.5], ['😤', -2], ['😾', -2],
  ['🤢', -2], ['😩', -2], ['😫', -2], ['😖', -2], ['😢', -2], ['😭', -2], ['💔', -2], ['😞', -1.5], ['😔', -1.5],
  ['😟', -1.5], ['🙁', -1.5], ['☹', -1.5], ['😒', -1.5], ['🙄', -1.5], ['😣', -1.5], ['🤦', -1.5], ['😱', -1.5],
  ['😰', -1.5], ['🤡', -1.5], ['😕', -1], ['😑', -1], ['🙃', -1], ['❌', -1], ['⛔', -1], ['😬', -0.8], ['😐', -0.5],
  // happy, loving, thankful
  ['😍', 2.5], ['🥰', 2.5], ['🤩', 2.5], ['😊', 2], ['😄', 2], ['😁', 2], ['😘', 2], ['🤗', 2], ['😻', 2], ['🥳', 2],
  ['❤', 2], ['♥', 2], ['🧡', 2], ['💛', 2], ['💚', 2], ['💙', 2], ['💜', 2], ['🤍', 2], ['🖤', 1.5], ['💕', 2],
  ['💖', 2], ['💗', 2], ['💓', 2], ['💞', 2], ['💝', 2], ['😀', 1.5], ['😃', 1.5], ['😆', 1.5], ['😇', 1.5], ['☺', 1.5],
  ['👍', 1.5], ['👌', 1.5], ['🙏', 1.5], ['🤘', 1.5], ['🌟', 1.5], ['🎉', 1.5], ['💯', 1.5], ['💐', 1.5], ['🙂', 1],
  ['😉', 1], ['😎', 1], ['💪', 1], ['✨', 1], ['⭐', 1], ['🔥', 1], ['🌹', 1], ['🤝', 1], ['👏', 0.5], ['😂', 0.5],
  ['🤣', 0.5], ['✅', 0.5],
  // emoticons, including the Russian bracket smileys
  [':)', 1], [':-)', 1], ['=)', 1], [':D', 1.5], [':-D', 1.5], ['=D', 1.5], [';)', 0.8], [';-)', 0.8], [':P', 0.5],
  [':p', 0.5], [':(', -1.5], [':-(', -1.5], ['=(', -1.5], [':/', -0.8], [':-/', -0.8], [':\\', -0.8],
]);

/** ")))" and "(((": the more brackets, the stronger, but only so far. */
export function bracketSmileyWeight(key: string): number | undefined {
  if (/^\){2,}$/.test(key)) return Math.min(key.length, 4) * 0.4;
  if (/^\({2,}$/.test(key)) return -Math.min(key.length, 4) * 0.5;
  return undefined;
}
