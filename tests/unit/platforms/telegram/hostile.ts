import { damaged as damagedFrom, truncated as truncatedFrom } from '../hostile-kit';
import { fixture } from './harness';

// Malformed, truncated, oversized and type-confused updates, grown from the reference-shaped fixture.

const updates = fixture.getUpdates.response.result;

export { anything } from '../hostile-kit';

/** A valid update with one field replaced, removed or made huge. */
export const damaged = damagedFrom(updates, [['update_id'], ['message'], ['message', 'chat'], ['message', 'chat', 'id'], ['message', 'chat', 'type'], ['message', 'date'], ['message', 'text'], ['message', 'from'], ['message', 'from', 'id'], ['message', 'message_id'], ['message', 'reply_to_message']]);

/** The JSON text of a valid update cut anywhere, parsed as far as it goes. */
export const truncated = truncatedFrom(updates);
