import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WORKSPACE_FILE } from '../../main/engine/engine';
import { migrate } from '../../main/engine/db/migrate';
import { LATEST_VERSION, migrations } from '../../main/engine/db/migrations';
import { startSandbox, type Sandbox } from '../../main/engine/platforms/sandbox/fake';
import { Rng, deriveSeed } from '../../main/engine/platforms/sandbox/fake/prng';
import { sleep } from '../../main/engine/support/sleep';
import { findSecretsInDir } from '../unit/helpers/secret-scan';
import { Agent } from './agent';
import { startEngineProcess, type EngineProcess } from './engine-process';
import { graphFaults, injectFaults, sandboxFaults, type FaultTarget } from './faults';
import { LIFE_LIMIT_MS, planKill, type KillPlan } from './kill-plan';
import { startChaosMeta, type ChaosMeta } from './meta';
import { inspectCopy, inspectReadOnly, integrityProblems, metaRecords, readSandboxRecords, verifyWorkspace, type Findings, type PlatformRecords } from './verify';

export interface TrialResult extends Findings {
  kills: number;
  /** Kills that landed before the engine said it was ready (opening, migrating, recovering the outbox). */
  killsBeforeReady: number;
  /** Kills after which the file was at a version between the one it started at and the latest: mid-migration. */
  killsBetweenMigrations: number;
  /** Kills by the moment they aimed at (kill-plan.ts). */
  killsByPlan: Record<KillPlan['kind'], number>;
  /** Replies the engine found mid-send when it started again after a kill (its own log says so). */
  interruptedSends: number;
  /** The workspace, kept for a look when the trial found a problem. */
  dataDir: string | null;
}

type KillCounts = Pick<TrialResult, 'kills' | 'killsBeforeReady' | 'killsBetweenMigrations' | 'killsByPlan' | 'interruptedSends' | 'integrityErrors'>;

/** The outbox's start-up line (outbox.ts, Outbox.start) when it found replies left `sending` by a crash. */
const INTERRUPTED_SENDS = /^\[engine\] outbox: (\d+) interrupted send\(s\)/;

/** How long the end of a trial may take to publish and sync everything once faults stop (a bound, not an assertion). */
const SETTLE_LIMIT_MS = 60_000;
const SETTLE_POLL_MS = 150;
/** Replies per trial: enough to keep the outbox busy across every kill. */
const MAX_REPLIES = 60;
/** The last life works until the trial has at least this many replies (or its time is up). */
const MIN_REPLIES = 3;
/** How long the last life may wait for those (faults can hold the first sync back for seconds). */
const MIN_REPLIES_LIMIT_MS = 15_000;
/** Pause between two inbound bursts while the engine runs. */
const INBOUND_GAP_MS = { min: 50, max: 400 };
/** The file-backed SecretStore (file-secret-store.ts) in the trial's folder, beside the workspace. */
const SECRETS_FILE = 'chaos-secrets.json';
/**
 * Connectors with a pace of their own (Meta: every 15 s, slower while quiet) are read at the
 * sandbox's pace instead (pollIntervalMs, stretched up to 4 times while quiet).
 */
const POLL_INTERVAL_MS = 100;
const CONNECTOR_PACE = { minIntervalMs: POLL_INTERVAL_MS, maxIntervalMs: 4 * POLL_INTERVAL_MS };

/** Independent random streams, so drawing more for one concern never shifts another; new ones go last, so old seeds keep their plans. */
const STREAMS = ['setup', 'plan', 'agent', 'faults', 'inbound', 'metaSetup', 'metaFaults', 'metaInbound'] as const;
type Stream = (typeof STREAMS)[number];
/** For waits that only time ends. */
const NEVER = new AbortController().signal;

interface TrialContext {
  childFile: string;
  dataDir: string;
  dbFile: string;
  sandbox: Sandbox;
  meta: ChaosMeta;
  /** Both platforms' fault queues, in the order of their random streams. */
  faults: { target: FaultTarget; rng: Stream }[];
  undoWindowMs: number;
  agent: Agent;
  rng: Record<Stream, Rng>;
  problems: string[];
}

function schemaVersion(dbFile: string): number {
  return inspectCopy(dbFile, (db) => db.pragma('user_version', { simple: true }) as number) ?? 0;
}

/** Customers keep writing while the agent works: a few new inbound items at random moments. */
async function emitInbound(write: (rng: Rng) => void, rng: Rng, signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    await sleep(rng.int(INBOUND_GAP_MS.min, INBOUND_GAP_MS.max), signal);
    if (!signal.aborted) write(rng);
  }
}

function start(context: TrialContext, counts: KillCounts): EngineProcess {
  const engine = startEngineProcess(context.childFile, {
    dataDir: context.dataDir,
    sandboxUrl: context.sandbox.url,
    pollIntervalMs: POLL_INTERVAL_MS,
    undoWindowMs: context.undoWindowMs,
    secretsFile: join(context.dataDir, SECRETS_FILE),
    connectorPace: CONNECTOR_PACE,
  });
  engine.onLog((line) => {
    const interrupted = INTERRUPTED_SENDS.exec(line);
    if (interrupted) counts.interruptedSends += Number(interrupted[1]);
    if (line.includes(context.meta.token)) context.problems.push('the engine logged the Page token');
  });
  return engine;
}

/** The agent, both platforms' fault injectors and their customers, all running until `signal` aborts. */
function busyWork(context: TrialContext, engine: EngineProcess, signal: AbortSignal, afterSend: () => void): Promise<unknown> {
  return Promise.all([
    context.agent.work(engine.client, signal, afterSend),
    ...context.faults.map(({ target, rng }) => injectFaults(target, context.rng[rng], signal)),
    emitInbound((rng) => context.sandbox.emit(rng.int(1, 4)), context.rng.inbound, signal),
    emitInbound((rng) => context.meta.customersWrite(rng), context.rng.metaInbound, signal),
  ]);
}

async function clearFaults(context: TrialContext): Promise<void> {
  for (const { target } of context.faults) await target.clear();
}

/** Every platform's own records (faults must be cleared first). */
async function platformRecords(context: TrialContext): Promise<PlatformRecords[]> {
  return [await readSandboxRecords(context.sandbox.url), metaRecords(context.meta.graph.store)];
}

/** The moment `plan` names, as a promise; `lifeOver` ends every wait. */
function killMoment(context: TrialContext, engine: EngineProcess, plan: KillPlan, lifeOver: AbortSignal, sends: { onSend: () => void }): Promise<void> {
  switch (plan.kind) {
    case 'startup':
      return engine.opening.then(() => sleep(plan.delayMs, lifeOver));
    case 'random':
      return engine.ready.then(() => sleep(plan.delayMs, lifeOver));
    case 'send': {
      let count = 0;
      return new Promise<void>((resolve) => {
        sends.onSend = () => {
          if (++count === plan.afterSends) resolve();
        };
      }).then(() => sleep(plan.delayMs, lifeOver));
    }
    case 'sync':
      return engine.ready.then(async () => {
        const paged = new Promise<void>((resolve) =>
          engine.onEvent((name, payload) => {
            if (name === 'sync.progress' && (payload as { done?: unknown }).done === false) resolve();
          }),
        );
        context.sandbox.emit(plan.burst);
        await paged;
        await sleep(plan.delayMs, lifeOver);
      });
  }
}

/** One engine life that ends in SIGKILL; afterwards the file must be intact and at a version it fully reached. */
async function killedLife(context: TrialContext, counts: KillCounts): Promise<void> {
  const versionBefore = schemaVersion(context.dbFile);
  const plan = planKill(context.rng.plan, versionBefore < LATEST_VERSION, context.undoWindowMs);
  const engine = start(context, counts);
  const lifeOver = new AbortController();
  let ready = false;
  void engine.ready.then(() => (ready = true), () => {});
  const sends = { onSend: () => {} };
  const moment = killMoment(context, engine, plan, lifeOver.signal, sends).catch(() => {});
  const work = engine.ready.then(
    () => busyWork(context, engine, lifeOver.signal, () => sends.onSend()),
    () => {},
  );

  await Promise.race([moment, sleep(LIFE_LIMIT_MS, lifeOver.signal), engine.exited]);
  if (engine.ended()) context.problems.push(`the engine stopped by itself (${plan.kind} life): ${engine.stderr().join(' | ')}`);
  await engine.kill();
  lifeOver.abort();
  await work;
  counts.kills++;
  counts.killsByPlan[plan.kind]++;
  if (!ready) counts.killsBeforeReady++;

  const found = inspectCopy(context.dbFile, (db) => {
    const problems = integrityProblems(db);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version < versionBefore || version > LATEST_VERSION) problems.push(`schema version ${version} (was ${versionBefore})`);
    if (version > versionBefore && version < LATEST_VERSION) counts.killsBetweenMigrations++;
    return problems;
  });
  if (!found) return; // killed before the file was created
  counts.integrityErrors += found.length;
  context.problems.push(...found.map((problem) => `after a ${plan.kind} kill: ${problem}`));
}

/** The last life: work a little more, stop faults, let everything publish and sync, stop cleanly. */
async function finalLife(context: TrialContext, counts: KillCounts): Promise<void> {
  const engine = start(context, counts);
  try {
    await engine.ready;
  } catch (error) {
    context.problems.push(`the engine did not start after the kills: ${(error as Error).message}: ${engine.stderr().join(' | ')}`);
    await engine.kill();
    return;
  }
  const busy = new AbortController();
  const work = busyWork(context, engine, busy.signal, () => {});
  // Long enough for a few replies of its own, so no trial ends without replies to verify; bounded all the same.
  await sleep(context.rng.plan.int(300, 1_000), NEVER);
  const until = Date.now() + MIN_REPLIES_LIMIT_MS;
  while (context.agent.queued.filter((reply) => reply.answered).length < MIN_REPLIES && Date.now() < until) await sleep(50, NEVER);
  busy.abort();
  await work;
  await clearFaults(context);
  if (!(await context.agent.retryUnanswered(engine.client, () => {}))) context.problems.push('the engine went away while the last replies were queued');
  if (!(await context.agent.addAgain(engine.client))) context.problems.push('the engine went away while the account was added again');

  const deadline = Date.now() + SETTLE_LIMIT_MS;
  while (Date.now() < deadline) {
    const records = await platformRecords(context);
    const findings = inspectReadOnly(context.dbFile, (db) => verifyWorkspace(db, records, context.agent.queued, context.agent.hideWishes, false));
    if (findings?.lost === 0 && findings.hidesUnapplied === 0) break;
    await sleep(SETTLE_POLL_MS, NEVER);
  }
  if (!(await engine.stop())) context.problems.push(`the engine did not stop cleanly: ${engine.stderr().join(' | ')}`);
}

/** Prepares a workspace file left by an older Switchboard: migrated up to `version` only. */
function olderWorkspace(dbFile: string, version: number): void {
  const db = new Database(dbFile);
  try {
    migrate(db, migrations, version);
  } finally {
    db.close();
  }
}

/** One trial: a fresh workspace and platform, several lives ended by SIGKILL, a clean last life, then the verdict. */
export async function runTrial(childFile: string, seed: number, index: number): Promise<TrialResult> {
  const trialSeed = deriveSeed(seed, index);
  const rng = Object.fromEntries(STREAMS.map((stream, at) => [stream, new Rng(deriveSeed(trialSeed, at))])) as Record<Stream, Rng>;
  const setup = rng.setup;
  const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-chaos-'));
  const dbFile = join(dataDir, WORKSPACE_FILE);
  if (setup.chance(0.3)) olderWorkspace(dbFile, setup.int(1, LATEST_VERSION - 1));
  const sandbox = await startSandbox({ seed: trialSeed, backfill: setup.int(50, 600) });
  const token = `chaos-page-token-${trialSeed}`;
  const meta = await startChaosMeta(rng.metaSetup, token);
  const context: TrialContext = {
    childFile,
    dataDir,
    dbFile,
    sandbox,
    meta,
    faults: [
      { target: sandboxFaults(sandbox.url), rng: 'faults' },
      { target: graphFaults(meta.graph.faults), rng: 'metaFaults' },
    ],
    undoWindowMs: setup.pick([0, 0, 150, 400]),
    agent: new Agent(rng.agent, MAX_REPLIES, { platform: 'facebook', token, config: { baseUrl: meta.graph.url } }),
    rng,
    problems: [],
  };
  const counts: KillCounts = {
    kills: 0,
    killsBeforeReady: 0,
    killsBetweenMigrations: 0,
    killsByPlan: { startup: 0, send: 0, sync: 0, random: 0 },
    interruptedSends: 0,
    integrityErrors: 0,
  };
  try {
    const lives = setup.int(2, 4);
    for (let life = 0; life < lives; life++) await killedLife(context, counts);
    await finalLife(context, counts);
    await clearFaults(context);
    const records = await platformRecords(context);
    const findings = inspectCopy(dbFile, (db) => verifyWorkspace(db, records, context.agent.queued, context.agent.hideWishes, true));
    if (!findings) throw new Error('the workspace file is missing after the last clean stop');
    // The token lives in the SecretStore's file only: never in the workspace (its WAL included) or the engine's log.
    const leaks = findSecretsInDir(dataDir, [token]).filter((sighting) => sighting.where !== SECRETS_FILE).map((sighting) => `the Page token is in ${sighting.where}`);
    const problems = [...context.problems, ...context.agent.errors, ...findings.problems, ...leaks];
    const failed = problems.length > 0;
    if (!failed) rmSync(dataDir, { recursive: true, force: true });
    return { ...findings, ...counts, integrityErrors: findings.integrityErrors + counts.integrityErrors, problems, dataDir: failed ? dataDir : null };
  } finally {
    await Promise.all([sandbox.close(), meta.graph.close()]);
  }
}
