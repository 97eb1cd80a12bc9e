// `npm start`: the desktop app. Where Electron cannot run, say so in one line
// and name the browser host instead of failing with a stack trace.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { electronBinary, whyNoDesktop } from './electron-binary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const reason = whyNoDesktop();
if (reason) {
  console.error(`Switchboard's desktop window cannot start: ${reason}. Use the browser host instead: npm run web -- --demo`);
  process.exit(1);
}
const child = spawn(electronBinary(), [root, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 1));
