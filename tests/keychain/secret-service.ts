import { randomUUID } from 'node:crypto';
import { describe } from 'vitest';
import { chooseSecretStore } from '../../main/engine/secrets/choose-store';

/**
 * Whether a real Secret Service answers here. scripts/with-keyring.sh starts
 * one in a private D-Bus session and marks it; outside that script the tests
 * never touch whatever keyring the developer's desktop runs.
 */
async function whyNoKeychain(): Promise<string | undefined> {
  if (process.env.SWITCHBOARD_KEYRING !== 'inside') return 'not started through scripts/with-keyring.sh (run `npm run test:keychain`)';
  try {
    // The app's own start-up path, with no fallback: it throws when the keychain does not answer.
    await chooseSecretStore({ service: `Switchboard-test/probe-${randomUUID()}`, probeTimeoutMs: 15_000 });
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

const reason = await whyNoKeychain();
if (reason !== undefined) {
  // CI installs the keyring (scripts/setup.sh): a keychain test that skipped there would prove nothing.
  if (process.env.CI === 'true') throw new Error(`No Secret Service for the keychain tests: ${reason}`);
  console.warn(`Keychain tests skipped: ${reason}`);
}

/** `describe`, skipped with the message above where no Secret Service runs outside CI. */
export const describeWithKeychain = describe.skipIf(reason !== undefined);
