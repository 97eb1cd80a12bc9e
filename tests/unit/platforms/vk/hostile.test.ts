import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlatformError } from '../../../../main/engine/platforms/types';
import { longPollAnswer, wallGetComments } from '../../../fixtures/vk/api';
import { ANNA, HOUR, PIOTR, setup, signal } from './harness';

/**
 * Hostile payloads through the whole connector, over HTTP from the fake: the
 * sync loop gets a page (with what did not parse quarantined) or a
 * PlatformError, never anything else, and the good items around the bad ones
 * still arrive.
 */

const anything = fc.anything({ maxDepth: 3, withBigInt: false });
const hostile = fc.oneof(
  anything,
  fc.string({ minLength: 100_001, maxLength: 100_010 }),
  fc.constantFrom(...longPollAnswer.updates).map((event) => ({ ...event, object: 'confused' })),
  fc.constantFrom(...wallGetComments.response.items).map((comment) => ({ ...comment, date: 'yesterday', thread: { count: 'many' } })),
);
/** The machine is shared and every run is a few HTTP round trips: a modest number of runs, no shrinking. */
const RUNS = { numRuns: 25, endOnFailure: true };

describe('VK connector on hostile payloads', () => {
  it('the long poll quarantines what does not parse and delivers the rest', async () => {
    const context = await setup();
    const { vk, connector } = context;
    let cursor = (await connector.fetchUpdates('messages', null, signal)).cursor;
    await fc.assert(
      fc.asyncProperty(fc.array(hostile, { maxLength: 5 }), async (entries) => {
        for (const entry of entries) vk.community.events.push(entry as Record<string, unknown>);
        vk.community.receive(ANNA, 'still here');
        const page = await connector.fetchUpdates('messages', cursor, signal);
        expect(page.items.map((item) => item.body)).toContain('still here');
        expect(page.items.length + page.quarantined.length).toBeLessThanOrEqual(entries.length + 1);
        cursor = page.cursor;
      }),
      RUNS,
    );
  });

  it('the wall scan answers with a page or a PlatformError, and keeps the good comment', async () => {
    const context = await setup();
    const { vk, connector, clock } = context;
    const post = vk.community.addPost('Новинка', Math.floor((clock.at - HOUR) / 1000));
    vk.community.addComment(post, PIOTR, 'good one');
    await fc.assert(
      fc.asyncProperty(fc.array(hostile, { maxLength: 4 }), async (entries) => {
        for (const entry of entries) vk.community.rawComment(post, (typeof entry === 'object' && entry !== null ? entry : { value: entry }) as Record<string, unknown>);
        const outcome = await connector.fetchUpdates('wall_comments', null, signal).catch((error: unknown) => error);
        if (outcome instanceof PlatformError) return;
        if (outcome instanceof Error) throw outcome;
        expect((outcome as { items: { body: string }[] }).items.map((item) => item.body)).toContain('good one');
      }),
      RUNS,
    );
  });
});
