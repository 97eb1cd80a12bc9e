// `npm run demo`: the app on its demo workspace — the desktop window where
// Electron can run, otherwise the browser host. One line says which and where.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { electronBinary, whyNoDesktop } from './electron-binary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const extra = process.argv.slice(2);
const reason = whyNoDesktop();

if (!reason) {
  console.log('Started Switchboard as a desktop window (Electron) on the demo workspace.');
  const child = spawn(electronBinary(), [root, '--demo', ...extra], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 1));
} else {
  const child = spawn(process.execPath, [join(root, 'dist/main/web.cjs'), '--demo', ...extra], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  let first = true;
  lines.on('line', (line) => {
    if (first && line.startsWith('Switchboard is running at ')) {
      console.log(`Started the browser host on the demo workspace, because ${reason}: open ${line.slice('Switchboard is running at '.length)}`);
      first = false;
    } else console.log(line);
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 1));
}
