// The long fuzz run: `npm run fuzz -- [--cases N] [--from I] [--seconds S] [--target tcm|spirv|launch|api|all]
// [--seed X]`: cases I to I + N - 1 (I = 0 by default; runs of disjoint ranges add up to one run). Each target runs in a child process that reports every case before starting it;
// the parent kills a child that stays inside one case past twice the case limit, counted in the
// child's CPU time or in time it sat idle (a synchronous hang, e.g. in the translator, cannot be
// interrupted from inside; test/helpers/activity.ts says why load counts as neither), records the
// case as a hang and restarts the child after it. Failing inputs are written to
// test/fuzz/regressions/.

import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { makeTarget, TARGETS } from '../test/fuzz/targets.js';
import { runCases, describeFailure, saveRegression, type RunStats, type TargetName, type CaseReport } from '../test/fuzz/runner.js';
import { caseSeed } from '../test/helpers/random.js';
import { ActivityMeter } from '../test/helpers/activity.js';

/** CPU time, or time idle, one case may take in the child (test/helpers/outcome.ts withTimeout). */
const CASE_LIMIT_MS = 120_000;
/** A child inside one case for this long is killed whatever its activity says. */
const CASE_WALL_CAP_MS = 3_600_000;

interface Options {
  cases: number;
  from: number;
  seconds: number | undefined;
  targets: TargetName[];
  seed: number;
}

function parse(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: { cases: { type: 'string' }, from: { type: 'string' }, seconds: { type: 'string' }, seed: { type: 'string' }, target: { type: 'string' } },
  });
  const number = (name: string, text: string | undefined, fallback: number): number => {
    if (text === undefined) return fallback;
    const n = Number(text);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} takes a non-negative number, got '${text}'`);
    return n;
  };
  const targets = values.target === undefined || values.target === 'all' ? [...TARGETS] : [values.target as TargetName];
  for (const t of targets) if (!TARGETS.includes(t)) throw new Error(`unknown target '${t}' (${TARGETS.join(', ')} or all)`);
  return {
    cases: number('cases', values.cases, 20_000),
    from: number('from', values.from, 0),
    seconds: values.seconds === undefined ? undefined : number('seconds', values.seconds, 0),
    targets,
    seed: number('seed', values.seed, 0x5eed),
  };
}

/** The folder of regression inputs in the checkout (from dist/scripts/ or scripts/). */
function regressionDir(): string {
  let at = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    if (existsSync(join(at, 'package.json'))) return join(at, 'test', 'fuzz', 'regressions');
    at = dirname(at);
  }
  return join(process.cwd(), 'test', 'fuzz', 'regressions');
}

type ChildMessage = { type: 'case'; index: number } | { type: 'failure'; report: Omit<CaseReport, 'input'>; input: string } | { type: 'done'; stats: RunStats };

/** In the child: run cases [from, from + cases) of one target, reporting to the parent. */
async function child(target: TargetName, from: number, cases: number, seed: number, seconds: number | undefined): Promise<void> {
  const send = (m: ChildMessage): void => void process.send!(m);
  const t = makeTarget(target, false);
  const stats = await runCases(t, {
    baseSeed: seed,
    from,
    cases,
    seconds,
    caseLimitMs: CASE_LIMIT_MS,
    checkEvery: 1000,
    onCaseStart: (index) => send({ type: 'case', index }),
    onFailure: ({ input, ...report }) => send({ type: 'failure', report, input: Buffer.from(input).toString('base64') }),
  });
  await t.close();
  // Inputs travel with their failure messages; the totals need only the count.
  send({ type: 'done', stats: { ...stats, failures: stats.failures.map((f) => ({ ...f, input: new Uint8Array() })) } });
}

interface Totals {
  cases: number;
  ok: number;
  rejected: number;
  failures: CaseReport[];
  seconds: number;
  /** CPU seconds of the cases (children that finished; a killed child's last stretch is not counted). */
  cpuSeconds: number;
}

async function runTarget(target: TargetName, o: Options): Promise<Totals> {
  const total: Totals = { cases: 0, ok: 0, rejected: 0, failures: [], seconds: 0, cpuSeconds: 0 };
  const start = Date.now();
  let next = o.from;
  const end = o.from + o.cases;
  while (next < end) {
    const left = o.seconds === undefined ? undefined : o.seconds - (Date.now() - start) / 1000;
    if (left !== undefined && left <= 0) break;
    const from = next;
    const result = await new Promise<{ done?: RunStats; hungAt?: number; last: number }>((resolve) => {
      const proc = fork(fileURLToPath(import.meta.url), ['--child', target, String(from), String(end - from), String(o.seed), String(left ?? '')], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      let last = from - 1;
      let done: RunStats | undefined;
      const meter = new ActivityMeter(proc.pid ?? 'self');
      let caseStart = performance.now();
      // Set by each message, acted on at the next tick: reading the child's threads per case would cost more than the case.
      let newCase = false;
      const timer = setInterval(() => {
        if (newCase) {
          newCase = false;
          meter.reset();
          return;
        }
        meter.sample();
        if (meter.cpuMs > CASE_LIMIT_MS * 2 || meter.idleMs > CASE_LIMIT_MS * 2 || performance.now() - caseStart > CASE_WALL_CAP_MS) proc.kill('SIGKILL');
      }, 2000);
      proc.on('message', (m: ChildMessage) => {
        newCase = true;
        caseStart = performance.now();
        if (m.type === 'case') {
          last = m.index;
          if (m.index % 1000 === 999) console.log(`${target}: ${m.index + 1} cases started, ${((Date.now() - start) / 1000).toFixed(0)} s`);
        }
        else if (m.type === 'failure') {
          const r = { ...m.report, input: new Uint8Array(Buffer.from(m.input, 'base64')) };
          console.log(`FAIL ${describeFailure(r).slice(0, 2000)}\n  saved ${saveRegression(regressionDir(), r)}`);
        } else done = m.stats;
      });
      proc.on('exit', () => {
        clearInterval(timer);
        resolve(done ? { done, last } : { hungAt: last, last });
      });
    });
    if (result.done) {
      total.cases += result.done.cases;
      total.ok += result.done.ok;
      total.rejected += result.done.rejected;
      total.failures.push(...result.done.failures);
      total.cpuSeconds += result.done.cpuSeconds;
      break;
    }
    // The child died or hung inside case `hungAt`: record it, go on after it.
    const index = Math.max(result.hungAt ?? from, from);
    const seed = caseSeed(o.seed, index);
    const report: CaseReport = { target, seed, mutation: `case ${index} (regenerate with --seed ${o.seed})`, outcome: { kind: 'failure', reason: 'the child process hung or crashed in this case' }, ms: 0, input: new Uint8Array() };
    console.log(`FAIL ${describeFailure(report)}`);
    total.failures.push(report);
    total.cases += index - from + 1;
    next = index + 1;
  }
  total.seconds = (Date.now() - start) / 1000;
  return total;
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') {
    const [, , , target, from, cases, seed, seconds] = process.argv;
    await child(target as TargetName, Number(from), Number(cases), Number(seed), seconds === '' ? undefined : Number(seconds));
    return;
  }
  const o = parse(process.argv.slice(2));
  let failed = 0;
  for (const target of o.targets) {
    const r = await runTarget(target, o);
    failed += r.failures.length;
    console.log(`${target}: ${r.cases} cases in ${r.seconds.toFixed(0)} s (${r.cpuSeconds.toFixed(0)} s of CPU): ${r.ok} ran, ${r.rejected} refused with an error, ${r.failures.length} failures`);
  }
  process.exitCode = failed > 0 ? 1 : 0;
}

await main();
