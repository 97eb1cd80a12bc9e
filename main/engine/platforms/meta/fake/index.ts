/** The fake Meta Graph API: the Meta connector's tests run against it. */
export { startFakeGraph, type FakeGraph, type FakeGraphOptions } from './server';
export type { Fault, FaultRoute } from './faults';
export { INSTAGRAM_MESSAGE_LIMIT, type Person } from './store';
