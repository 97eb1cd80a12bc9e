/** The fake Telegram Bot API the connector's tests run against. */
export { startFakeTelegram, FakeTelegramFaults, type FakeTelegram, type FakeTelegramOptions, type IncomingText, type PublishedMessage } from './server';
