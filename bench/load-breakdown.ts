// Where a cold module load goes (`node dist/bench/load-breakdown.js [--fresh] [--serial] [module.tcm ...]`):
// the modules load once each, in bench/load.ts's order in one process, or with --fresh each in a
// process of its own (so each pays the process's first translation and compilation, as a user's
// first load does). The WebGPU calls of the load and the shim's SPIR-V translation are timed from
// outside. Prints wall and CPU milliseconds per phase; CPU time is the whole process's (Dawn's
// worker threads included), so on a busy machine it is the steadier figure. --serial compiles the
// pipelines one after another where the platform would compile them in parallel
// (createComputePipelineAsync made synchronous), for comparing the two on one machine.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ShaderModule } from '../shim/src/objects/shader-module.js';
import { closeContext, fixturesDir, isMain, openContext, readFixture } from './common.js';

/** Phase -> [wall ms, CPU ms]. */
type Phases = Record<string, [number, number]>;

const PHASES = ['translate', 'createShaderModule', 'createComputePipeline', 'createComputePipelineAsync', 'createBuffer'] as const;

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** When the promises of a phase in flight together began: their phase is their span, to the last settling. */
const spans = new Map<string, { count: number; wall: number; cpu: number }>();

/** Times every call of `obj[name]` into `phases[phase]`; a promise's time runs to its settling. */
function timeMethod(obj: object, name: string, phase: string, phases: Phases): void {
  const target = obj as Record<string, (...args: unknown[]) => unknown>;
  const original = target[name];
  if (typeof original !== 'function') return;
  target[name] = function (this: unknown, ...args: unknown[]) {
    const [w0, c0] = [performance.now(), cpuMs()];
    const result = original.apply(this, args);
    if (result instanceof Promise) {
      const span = spans.get(phase) ?? { count: 0, wall: w0, cpu: c0 };
      span.count++;
      spans.set(phase, span);
      return result.finally(() => {
        if (--span.count > 0) return;
        spans.delete(phase);
        phases[phase][0] += performance.now() - span.wall;
        phases[phase][1] += cpuMs() - span.cpu;
      });
    }
    phases[phase][0] += performance.now() - w0;
    phases[phase][1] += cpuMs() - c0;
    return result;
  };
}

/** Loads each module once in this process, in order, and returns their phases, totals included. */
async function measure(names: string[]): Promise<Phases[]> {
  const phases: Phases = {};
  timeMethod(ShaderModule.prototype, 'translate', 'translate', phases);
  const ctx = await openContext((device) => {
    if (process.env.LOAD_BREAKDOWN_SERIAL) device.createComputePipelineAsync = (d: GPUComputePipelineDescriptor) => Promise.resolve(device.createComputePipeline(d));
    for (const p of PHASES.slice(1)) timeMethod(device, p, p, phases);
  });
  const results: Phases[] = [];
  for (const name of names) {
    const bytes = readFixture(name);
    for (const p of PHASES) phases[p] = [0, 0];
    const [w0, c0] = [performance.now(), cpuMs()];
    const mod = await ctx.runtime.loadModule(bytes);
    results.push({ ...phases, total: [performance.now() - w0, cpuMs() - c0] });
    await mod.destroy();
  }
  await closeContext(ctx);
  return results;
}

function row(name: string, phases: Phases): string {
  const cells = ['total', ...PHASES].filter((p) => p === 'total' || phases[p][0] > 0 || phases[p][1] > 0);
  const [tw, tc] = phases.total;
  const rest = PHASES.reduce(([w, c], p) => [w - phases[p][0], c - phases[p][1]], [tw, tc]);
  const fmt = ([w, c]: [number, number]): string => `${w.toFixed(1)}/${c.toFixed(1)}`;
  return `| ${name} | ${cells.map((p) => `${p} ${fmt(phases[p])}`).join(', ')}, rest ${fmt(rest as [number, number])} |`;
}

if (isMain(import.meta.url)) {
  const child = process.env.LOAD_BREAKDOWN_CHILD;
  if (child) {
    process.stdout.write(`\n${JSON.stringify(await measure(child.split(',')))}`);
    process.exit(0);
  }
  const fresh = process.argv.includes('--fresh');
  const serial = process.argv.includes('--serial') ? { LOAD_BREAKDOWN_SERIAL: '1' } : {};
  const given = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const names = given.length ? given : readdirSync(fixturesDir()).filter((f) => f.endsWith('.tcm')).sort();
  console.log(`| module (${fresh ? 'each in a fresh process' : 'in order, one process'}) | wall ms / CPU ms per phase (rest: unzip, metadata, wasm, Asyncify) |\n| --- | --- |`);
  for (const group of fresh ? names.map((n) => [n]) : [names]) {
    const out = spawnSync(process.execPath, [fileURLToPath(import.meta.url)], { env: { ...process.env, ...serial, LOAD_BREAKDOWN_CHILD: group.join(',') }, encoding: 'utf8' });
    if (out.status !== 0) {
      console.log(`| ${group.join(', ')} | failed: ${out.stderr.trim().split('\n').pop()} |`);
      continue;
    }
    const results = JSON.parse(out.stdout.slice(out.stdout.lastIndexOf('\n') + 1)) as Phases[];
    results.forEach((phases, i) => console.log(row(group[i], phases)));
  }
  process.exit(0);
}
