/**
 * Typing in the reply box while the checks run: key press to the character
 * painted, in a reply of 2,000 characters with typos (so the box draws its
 * underlines), typed in bursts with pauses long enough for the debounced
 * checks to go out — the checks then run in the engine and the spell worker
 * while the next burst is typed. Each language starts with a reply the spell
 * worker has not seen, so the first burst of each is typed while that
 * language's dictionary loads. The floor is the same probe on a bare textarea.
 */
import type { Browser, Page } from 'playwright-core';
import { SPELL_LANGS } from '../../main/engine/spell/languages';
import { VIEWPORT } from '../../tests/e2e/harness';
import { yieldForSignals } from '../interrupt';
import { replyWithTypos } from '../spell';
import { percentile } from '../stats';
import { FLOOR_TEXTAREA, PROBE } from './probe';
import { REPLY_TEXT, timeKeys, type TimedPress } from './timed-keys';

const PRESSES_PER_LANG = 100;
const BURST = 12;
/** Longer than the composer's debounce (CHECK_DELAY_MS, 250 ms), so every pause sends a check that the next burst overlaps. */
const PAUSE_MS = 320;
const KEYS = 'etaoinshrdlu';


type Progress = (message: string) => void;

/** Types `count` letters at the end of the box in bursts, each timed from keydown to the frame that shows it. */
function typeTimed(page: Page, count: number): Promise<TimedPress[]> {
  return timeKeys(page, REPLY_TEXT, count, (n) => KEYS[n % KEYS.length]!, async (n) => {
    if (n % BURST !== 0) return;
    await page.waitForTimeout(PAUSE_MS);
    await yieldForSignals();
  });
}

/** In the app: opens the selected conversation, and types into its reply box after a long reply in each language. */
export async function timeComposer(page: Page, progress: Progress): Promise<TimedPress[]> {
  const list = page.getByRole('listbox', { name: 'Conversations' });
  await list.focus();
  await page.keyboard.press('Home');
  // After the scroll the first rows' page may have to be read again: Enter opens a row once it has its content.
  await page.waitForFunction(`(() => {
    const list = document.querySelector('[role="listbox"][aria-label="Conversations"]');
    const row = list && document.getElementById(list.getAttribute('aria-activedescendant') || '');
    return row !== null && row.childElementCount > 0;
  })()`);
  await page.keyboard.press('Enter');
  await page.getByRole('log', { name: 'Messages' }).waitFor();
  await page.keyboard.press('r');
  const box = page.getByRole('textbox', { name: 'Reply' });
  const typed: TimedPress[] = [];
  for (const [index, lang] of SPELL_LANGS.entries()) {
    await box.fill(replyWithTypos(lang, index * 7));
    await box.press('Control+End');
    const presses = await typeTimed(page, PRESSES_PER_LANG);
    const marks = await page.locator('mark.composer-mark').count();
    progress(`renderer: typing after a ${lang} reply: p95 ${percentile(presses.filter((p) => p.moved).map((p) => p.ms), 95).toFixed(1)} ms, ${marks} text(s) underlined`);
    typed.push(...presses);
  }
  await box.fill(''); // no draft left behind in the bench's workspace
  return typed;
}

/** The same typing on a bare textarea: the input pipeline and a frame, with no app in between. */
export async function timeTextareaFloor(browser: Browser): Promise<TimedPress[]> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.setContent(FLOOR_TEXTAREA);
    await page.evaluate(PROBE);
    await page.locator('textarea').fill(replyWithTypos('en', 0));
    await page.locator('textarea').press('Control+End');
    return await typeTimed(page, PRESSES_PER_LANG);
  } finally {
    await context.close();
  }
}
