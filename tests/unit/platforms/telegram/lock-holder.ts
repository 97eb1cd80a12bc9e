// A second app instance for poller-lock.test.ts: takes the lock, says how that went, holds it until told to release or until killed.
import { createInterface } from 'node:readline';
import { PollerLock } from '../../../../main/engine/platforms/telegram/poller-lock';

const [token, dir] = process.argv.slice(2);
const lock = new PollerLock(token!, dir);
const say = (line: unknown) => process.stdout.write(`${JSON.stringify(line)}\n`);
say(lock.acquire());
createInterface({ input: process.stdin }).on('line', (command) => {
  if (command === 'acquire') say(lock.acquire());
  if (command === 'release') {
    lock.release();
    say('released');
  }
});
