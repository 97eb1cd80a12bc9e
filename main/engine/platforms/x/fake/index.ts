/** The fake X API v2 the connector's tests run against. */
export { startFakeX, FakeXFaults, type FakeX, type FakeXOptions } from './server';
export { XStore, XRuleError, oneToOne, type FakeDmEvent, type FakeTweet, type FakeUser } from './store';
