import { describe, expect, it } from 'vitest';
import type { Client } from '../../../shared/rpc';
import { findSecretsInDir, findSecretsInValues } from '../helpers/secret-scan';
import { ANNA, ANNA_CHAT, fakeTelegram } from '../platforms/telegram/harness';
import { accountStatus, accountsWorkspace, firstConversation, messageState, telegramConfig } from './harness';

/** Every answer (and refusal) the renderer got, for the scan. */
function recording(client: Client, answers: unknown[]): Client['call'] {
  return async (name, input) => {
    try {
      const output = await client.call(name, input);
      answers.push(output);
      return output;
    } catch (error) {
      answers.push({ message: (error as Error).message, issues: (error as { issues?: unknown }).issues });
      throw error;
    }
  };
}

describe('tokens never leave the secret store', () => {
  it('no token the agent typed is in the workspace folder, the engine’s log, an event or an answer, through every account action', async () => {
    const fake = await fakeTelegram();
    fake.receive({ chat: ANNA_CHAT, from: ANNA, text: 'Where is my order?' });
    const workspace = accountsWorkspace();
    const run = workspace.start();
    const answers: unknown[] = [];
    const call = recording(run.client, answers);
    const refused = (promise: Promise<unknown>) => promise.then(() => expect.unreachable('the call should have been refused'), () => undefined);

    const first = fake.token;
    const wrong = `${fake.bot.id}:AAScanWrongScanWrongScanWrongScanWrong`;
    const malformed = 'scan-malformed-token-with-no-colon';
    const huge = `${fake.bot.id}:${'A'.repeat(5_000)}`;
    await refused(call('accounts.add', { platform: 'telegram', token: wrong, config: telegramConfig(fake) }));
    await refused(call('accounts.add', { platform: 'telegram', token: malformed, config: telegramConfig(fake) }));
    await refused(call('accounts.add', { platform: 'telegram', token: huge, config: telegramConfig(fake) }));
    const { id } = await call('accounts.add', { platform: 'telegram', token: first, config: telegramConfig(fake) });
    await refused(call('accounts.add', { platform: 'telegram', token: first, config: telegramConfig(fake) }));
    const conversation = await firstConversation(run.client);
    await call('accounts.test', { id });
    await call('accounts.pause', { id });
    await call('accounts.resume', { id });

    fake.revokeToken();
    const reply = await call('reply.send', { conversationId: conversation.id, clientId: 'scan-1', body: 'On its way.' });
    await expect.poll(() => accountStatus(run.client, id), { timeout: 10_000 }).toBe('needs_reconnect');
    await call('accounts.test', { id });
    await refused(call('accounts.reconnect', { id, token: wrong }));
    const second = fake.token;
    await call('accounts.reconnect', { id, token: second });
    await expect.poll(async () => (await messageState(run.client, conversation.id, reply.id))?.state, { timeout: 10_000 }).toBe('sent');
    await call('accounts.list', {});
    await call('app.status', {});
    await call('conversation.get', { id: conversation.id });
    await call('accounts.remove', { id });
    await run.close();

    const tokens = [first, second, wrong, malformed, huge];
    // The scan finds what it looks for, so an empty result below means something.
    expect(findSecretsInValues([{ leaked: `url /bot${second}/getMe` }], tokens)).toEqual([expect.objectContaining({ secret: second, where: '[0].leaked' })]);
    expect(findSecretsInDir(workspace.dataDir, tokens)).toEqual([]);
    expect(findSecretsInDir(workspace.lockDir, tokens)).toEqual([]);
    expect(findSecretsInValues(workspace.logs, tokens)).toEqual([]);
    expect(findSecretsInValues(run.events, tokens)).toEqual([]);
    expect(findSecretsInValues(answers, tokens)).toEqual([]);
    expect(run.eventsNamed('accounts.changed').length).toBeGreaterThanOrEqual(6);
    expect(workspace.logs.some((line) => line.includes('needs a new token'))).toBe(true);
  });
});
