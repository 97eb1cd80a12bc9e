/**
 * Reply texts for the agent script: every index gives a different, plain and
 * correctly spelled English sentence, so each reply passes the pre-publish
 * checks and can be found by its text alone in the platform's record — which
 * is how the verifier tells one reply published twice under two keys.
 */
const PARTS: readonly (readonly string[])[] = [
  ['Hello', 'Hi', 'Good day', 'Dear customer'],
  ['kind', 'detailed', 'quick', 'clear', 'helpful', 'thoughtful', 'friendly', 'careful'],
  ['support', 'delivery', 'billing', 'returns', 'warehouse', 'service', 'product', 'quality'],
  ['review', 'check', 'answer', 'handle', 'examine', 'read', 'study', 'process'],
  ['today', 'tomorrow', 'shortly', 'this week', 'this morning', 'this afternoon', 'this evening', 'soon'],
];

export const DISTINCT_REPLY_TEXTS = PARTS.reduce((product, words) => product * words.length, 1);

export function replyText(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= DISTINCT_REPLY_TEXTS) throw new RangeError(`reply index ${index} is outside 0..${DISTINCT_REPLY_TEXTS - 1}`);
  let rest = index;
  const [greeting, adjective, team, verb, when] = PARTS.map((words) => {
    const word = words[rest % words.length]!;
    rest = Math.floor(rest / words.length);
    return word;
  });
  return `${greeting}, thank you for your ${adjective} message. Our ${team} team will ${verb} it ${when}.`;
}
