// Runs fuzz cases of one target, judges each, and keeps failing inputs as regression files
// (test/fuzz/regressions/<target>-<seed>.json: seed, mutation, reason and the input itself).

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Outcome } from '../helpers/outcome.js';
import { caseSeed } from '../helpers/random.js';

export type TargetName = 'tcm' | 'spirv' | 'launch' | 'api';

export interface CaseReport {
  target: TargetName;
  seed: number;
  mutation: string;
  outcome: Outcome;
  ms: number;
  input: Uint8Array;
}

export interface Target {
  readonly name: TargetName;
  /** Generates case `seed` and runs it. */
  run(seed: number): Promise<CaseReport>;
  /** Runs a stored input again. */
  replay(input: Uint8Array, seed: number): Promise<Outcome>;
  /** Drops state a failed case may have broken (the next case starts fresh). */
  recover(): void;
  /** Throws unless the runtime still works (a known-good kernel gives the right answer). */
  check(): Promise<void>;
  close(): Promise<void>;
}

export interface RunOptions {
  baseSeed: number;
  /** First case index (a restarted child process goes on from here). */
  from?: number;
  cases: number;
  /** Stop starting cases after this many seconds. */
  seconds?: number;
  /**
   * Cases that spend more CPU time than this fail (synchronous work cannot be interrupted, only
   * measured). CPU time, not wall time: a loaded machine slows a case without making it fail.
   */
  caseLimitMs: number;
  /** Run the known-good check every this many cases (and at the end). */
  checkEvery: number;
  onCaseStart?: (index: number, seed: number) => void;
  onFailure?: (r: CaseReport) => void;
}

export interface RunStats {
  target: TargetName;
  cases: number;
  ok: number;
  rejected: number;
  failures: CaseReport[];
  codes: Record<string, number>;
  seconds: number;
  /** CPU seconds the cases took (this process's threads, the GPU driver's included). */
  cpuSeconds: number;
}

export async function runCases(target: Target, o: RunOptions): Promise<RunStats> {
  const stats: RunStats = { target: target.name, cases: 0, ok: 0, rejected: 0, failures: [], codes: {}, seconds: 0, cpuSeconds: 0 };
  const start = performance.now();
  const fail = (r: CaseReport): void => {
    stats.failures.push(r);
    o.onFailure?.(r);
    target.recover();
  };
  const from = o.from ?? 0;
  for (let i = from; i < from + o.cases; i++) {
    if (o.seconds !== undefined && performance.now() - start > o.seconds * 1000) break;
    const seed = caseSeed(o.baseSeed, i);
    o.onCaseStart?.(i, seed);
    const cpuBefore = process.cpuUsage();
    const r = await target.run(seed);
    const cpu = process.cpuUsage(cpuBefore);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    stats.cases++;
    stats.cpuSeconds += cpuMs / 1000;
    if (r.outcome.kind === 'failure') {
      fail(r);
    } else if (cpuMs > o.caseLimitMs) {
      fail({ ...r, outcome: { kind: 'failure', reason: `case used ${Math.round(cpuMs)} ms of CPU time (${Math.round(r.ms)} ms of wall time), over the ${o.caseLimitMs} ms limit` } });
    } else if (r.outcome.kind === 'ok') {
      stats.ok++;
    } else {
      stats.rejected++;
      stats.codes[r.outcome.code] = (stats.codes[r.outcome.code] ?? 0) + 1;
    }
    if ((stats.cases % o.checkEvery === 0 || i === from + o.cases - 1) && target.name !== 'spirv') {
      await checkAfter(target, r, fail);
    }
  }
  if (stats.cases % o.checkEvery !== 0) await checkAfter(target, undefined, fail);
  stats.seconds = (performance.now() - start) / 1000;
  return stats;
}

async function checkAfter(target: Target, last: CaseReport | undefined, fail: (r: CaseReport) => void): Promise<void> {
  try {
    await target.check();
  } catch (e) {
    const reason = `the runtime no longer works after the cases: ${e instanceof Error ? e.message : String(e)}`;
    fail({ target: target.name, seed: last?.seed ?? 0, mutation: `after ${last?.mutation ?? 'the run'}`, outcome: { kind: 'failure', reason }, ms: 0, input: last?.input ?? new Uint8Array() });
  }
}

export interface Regression {
  target: TargetName;
  seed: number;
  mutation: string;
  reason: string;
  /** The input, base64. */
  input: string;
  /** What fixed it (filled in by hand once fixed). */
  fix?: string;
}

export function saveRegression(dir: string, r: CaseReport): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${r.target}-${r.seed.toString(16).padStart(8, '0')}.json`);
  const reason = r.outcome.kind === 'failure' ? r.outcome.reason : r.outcome.kind;
  const entry: Regression = { target: r.target, seed: r.seed, mutation: r.mutation, reason: reason.slice(0, 2000), input: Buffer.from(r.input).toString('base64') };
  writeFileSync(file, JSON.stringify(entry, null, 1) + '\n');
  return file;
}

export function loadRegressions(dir: string): (Regression & { file: string })[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return [];
  }
  return names.map((n) => ({ ...(JSON.parse(readFileSync(join(dir, n), 'utf8')) as Regression), file: n }));
}

export function describeFailure(r: CaseReport): string {
  const reason = r.outcome.kind === 'failure' ? r.outcome.reason : r.outcome.kind;
  return `[${r.target}] seed 0x${r.seed.toString(16)} (${r.mutation}): ${reason}`;
}
