/** Usage text and the error that prints it: bad usage is exit code 2. */
export const USAGE = [
  'usage: npm run -s cli -- check [--lang auto|en|ru|pl] [--public] [--format json|text] FILE...',
  '  Checks texts (a canned-reply library, a draft) with the pre-publish pipeline; "-" reads stdin.',
  '  Exit code: 1 when any finding blocks, 0 otherwise, 2 on bad usage.',
].join('\n');

export class UsageError extends Error {}
