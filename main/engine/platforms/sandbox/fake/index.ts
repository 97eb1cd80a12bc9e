/** The sandbox platform's fake server: the demo workspace and the tests sync from it. */
export { startSandbox, type Sandbox, type SandboxOptions } from './server';
export { generateItems } from './generator';
