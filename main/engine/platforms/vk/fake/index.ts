/** The fake VK API and Bots Long Poll server: the VK connector's tests run against it. */
export { startFakeVk, type FakeVk, type FakeVkOptions } from './server';
export { VkFaults, type Fault, type FaultRoute } from './faults';
export { DEFAULT_DEDUPE_WINDOW_MS, MAX_MESSAGE, VkApiError, VkCommunity, type SentMessage, type StoredComment } from './store';
