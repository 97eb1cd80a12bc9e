/**
 * The chaos test (`npm run chaos -- --trials N [--seed S]`): the engine as a
 * child process against the sandbox platform and a Facebook Page on the fake
 * Graph, both with faults switched on, an agent script queueing replies and
 * hiding comments while customers keep writing, SIGKILLs at random moments,
 * and a verdict from each platform's own records against the SQLite file. Progress and problems go to stderr; stdout gets one JSON line.
 * Exits 1 when anything was lost, doubled or damaged, 2 on bad usage.
 */
import { parseArgs } from 'node:util';
import { buildEngineChild } from './build-child';
import { runTrial, type TrialResult } from './trial';

const USAGE = 'usage: chaos --trials N [--seed S]';
const MAX_TRIALS = 100_000;

function integer(flag: string, value: string, min: number, max: number): number {
  const number = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
  if (!(number >= min && number <= max)) throw new Error(`--${flag} must be an integer from ${min} to ${max}, got "${value}"`);
  return number;
}

function options(): { trials: number; seed: number } {
  const { values } = parseArgs({ options: { trials: { type: 'string' }, seed: { type: 'string' } }, strict: true, allowPositionals: false });
  if (values.trials === undefined) throw new Error('--trials is required');
  const trials = integer('trials', values.trials, 1, MAX_TRIALS);
  // Without --seed a run picks one and prints it, so any failure can be replayed.
  const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 32) : integer('seed', values.seed, 0, 2 ** 32 - 1);
  return { trials, seed };
}

/** The JSON line's keys are snake_case, the findings' camelCase. */
function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

function describe(index: number, result: TrialResult, seconds: number): string {
  const status = result.problems.length === 0 ? 'ok' : `${result.problems.length} problem(s), workspace kept at ${result.dataDir}`;
  return `chaos: trial ${index + 1}: ${result.kills} kill(s), ${result.interruptedSends} send(s) interrupted, ${result.queued} replies (${result.byPlatform.facebook.queued} on Facebook), ${result.hides} comment(s) hidden or shown (${result.byPlatform.facebook.hides} on Facebook), ${result.inbound} inbound, ${result.resends} resend(s), ${result.unconfirmed} unconfirmed, ${seconds} s: ${status}`;
}

async function main(): Promise<void> {
  let run: { trials: number; seed: number };
  try {
    run = options();
  } catch (error) {
    process.stderr.write(`chaos: ${(error as Error).message} (${USAGE})\n`);
    process.exitCode = 2;
    return;
  }
  const startedAt = Date.now();
  process.stderr.write(`chaos: ${run.trials} trial(s), seed ${run.seed}\n`);
  const childFile = await buildEngineChild();
  const total = {
    queued: 0,
    published: 0,
    lost: 0,
    duplicated: 0,
    integrity_errors: 0,
    hides: 0,
    hides_unapplied: 0,
    inbound: 0,
    resends: 0,
    unconfirmed: 0,
    kills: 0,
    kills_by_plan: { startup: 0, send: 0, sync: 0, random: 0 },
    kills_before_ready: 0,
    kills_between_migrations: 0,
    interrupted_sends: 0,
    problems: 0,
  };
  const byPlatform: Record<string, Record<string, number>> = {};
  for (let index = 0; index < run.trials; index++) {
    const trialStartedAt = Date.now();
    const result = await runTrial(childFile, run.seed, index);
    total.queued += result.queued;
    total.published += result.published;
    total.lost += result.lost;
    total.duplicated += result.duplicated;
    total.integrity_errors += result.integrityErrors;
    total.hides += result.hides;
    total.hides_unapplied += result.hidesUnapplied;
    total.inbound += result.inbound;
    total.resends += result.resends;
    total.unconfirmed += result.unconfirmed;
    total.kills += result.kills;
    for (const [kind, kills] of Object.entries(result.killsByPlan)) total.kills_by_plan[kind as keyof typeof total.kills_by_plan] += kills;
    total.kills_before_ready += result.killsBeforeReady;
    total.kills_between_migrations += result.killsBetweenMigrations;
    total.interrupted_sends += result.interruptedSends;
    total.problems += result.problems.length;
    for (const [platform, findings] of Object.entries(result.byPlatform)) {
      const sums = (byPlatform[platform] ??= {});
      for (const [figure, value] of Object.entries(findings)) sums[snakeCase(figure)] = (sums[snakeCase(figure)] ?? 0) + value;
    }
    process.stderr.write(`${describe(index, result, Math.round((Date.now() - trialStartedAt) / 100) / 10)}\n`);
    for (const problem of result.problems) process.stderr.write(`chaos:   ${problem}\n`);
  }
  const { queued, published, lost, duplicated, integrity_errors, ...rest } = total;
  const figures = { trials: run.trials, queued, published, lost, duplicated, integrity_errors, ...rest, by_platform: byPlatform, seed: run.seed, seconds: Math.round((Date.now() - startedAt) / 100) / 10 };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
  if (total.problems > 0) process.exitCode = 1;
}

await main();
