import type { PluralForms } from './plural';

/**
 * The source catalog. Keys are flat and grouped by screen; values are either a
 * string with `{name}` placeholders or plural forms chosen by the `count`
 * parameter through Intl.PluralRules. ru.ts and pl.ts are checked against the
 * keys and shapes declared here.
 */
export const en = {
  'app.name': 'Switchboard',

  'inbox.heading': 'Needs reply',
  'inbox.label': 'Conversations',
  'inbox.count': { one: '{count} conversation', other: '{count} conversations' },
  'inbox.empty': 'Nothing needs a reply',
  'inbox.loadingRow': 'Loading conversation {position}',
  'inbox.loadFailed': 'Could not load conversations: {reason}',
  'inbox.option': '{name}, {kind}, {time}: {preview}',
  'inbox.optionRated': '{name}, {kind}, {rating}, {time}: {preview}',
  'inbox.keysHint': 'j/k ↑/↓ move · Enter open · r reply · Esc back to list',

  'kind.dm': 'DM',
  'kind.comment': 'comment',
  'kind.mention': 'mention',
  'kind.review': 'review',

  'platform.sandbox': 'Sandbox',
  'platform.facebook': 'Facebook',
  'platform.instagram': 'Instagram',
  'platform.x': 'X',
  'platform.telegram': 'Telegram',
  'platform.vk': 'VK',
  'platform.reviews': 'Review sites',

  'rating.stars': { one: '{count} star', other: '{count} stars' },

  'conversation.noneTitle': 'No conversation open',
  'conversation.noneHint': 'Choose one in the list and press Enter.',
  'conversation.messages': 'Messages',
  'conversation.notFound': 'This conversation no longer exists.',
  'conversation.loadFailed': 'Could not load this conversation: {reason}',

  'message.you': 'You',
  'message.private': 'Private',
  'message.state.queued': 'Queued',
  'message.state.sending': 'Sending',
  'message.state.sent': 'Sent',
  'message.state.failed': 'Failed',
  'message.state.cancelled': 'Cancelled',
  'message.failedReason': 'Not sent: {reason}',

  'reply.label': 'Reply',
  'reply.hint': 'Ctrl+Enter sends',
  'reply.send': 'Send',
  'reply.failed': 'Your reply was not sent: {reason}',

  'connectivity.label': 'Connection: {state}',
  'connectivity.connecting': 'Connecting',
  'connectivity.online': 'Online',
  'connectivity.offline': 'Offline',
  'connectivity.syncing': 'Syncing',

  'sync.label': 'Fetching history',
  'sync.progress': '{fetched} of {total}',
  'sync.fetched': { one: '{count} item fetched', other: '{count} items fetched' },

  'language.label': 'Language',
  'language.system': 'System ({language})',

  'error.unavailable': 'no connection to the engine',
  'error.unknown': 'something went wrong',
} satisfies Record<string, string | PluralForms>;
