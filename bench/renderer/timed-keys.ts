import type { Page } from 'playwright-core';

/** One key press as the page's probe (probe.ts) timed it: keydown to the frame that showed its effect. */
export interface TimedPress {
  ms: number;
  /** False when nothing changed within 2 s: its time is only the probe's give-up. */
  moved: boolean;
  frames: number;
}

/** Which of the probe's two recorders a run reads: the list's cursor, or the reply box's text. */
export type Recorder = { list: 'presses'; on: 'timing' } | { list: 'typed'; on: 'typing' };
export const LIST_CURSOR: Recorder = { list: 'presses', on: 'timing' };
export const REPLY_TEXT: Recorder = { list: 'typed', on: 'typing' };

const PRESS_TIMEOUT_MS = 10_000;

/**
 * Presses `keyAt(n)` for n = 1…count, one after another, each waiting for the
 * probe to record it; `after(n)` runs between presses (a pause, a chance to
 * honour Ctrl-C).
 */
export async function timeKeys(page: Page, recorder: Recorder, count: number, keyAt: (n: number) => string, after: (n: number) => Promise<void>): Promise<TimedPress[]> {
  const probe = 'window.__benchProbe';
  await page.evaluate(`${probe}.${recorder.list} = []; ${probe}.${recorder.on} = true;`);
  try {
    for (let n = 1; n <= count; n++) {
      await page.keyboard.press(keyAt(n));
      await page.waitForFunction(`${probe}.${recorder.list}.length >= ${n}`, undefined, { timeout: PRESS_TIMEOUT_MS });
      await after(n);
    }
    return (await page.evaluate(`${probe}.${recorder.list}`)) as TimedPress[];
  } finally {
    await page.evaluate(`${probe}.${recorder.on} = false`);
  }
}
