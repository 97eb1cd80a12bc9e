import { runChecks, type CheckInput, type Finding } from '../../../main/engine/checks';

/** Runs the whole pipeline the way the engine does; public X reply in auto language unless told. */
export async function check(text: string, options: Partial<Omit<CheckInput, 'text'>> = {}): Promise<Finding[]> {
  return (await runChecks({ text, visibility: 'public', platform: 'x', lang: 'auto', ...options })).findings;
}

/** `[rule, text]` of each finding, the compact shape most assertions want. */
export async function hits(text: string, options: Partial<Omit<CheckInput, 'text'>> = {}): Promise<[string, string][]> {
  return (await check(text, options)).map((f) => [f.rule, f.text]);
}

/** The same, for one rule family (`kind`). */
export async function hitsOf(kind: Finding['kind'], text: string, options: Partial<Omit<CheckInput, 'text'>> = {}): Promise<[string, string][]> {
  return (await check(text, options)).filter((f) => f.kind === kind).map((f) => [f.rule, f.text]);
}
