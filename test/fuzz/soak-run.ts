// The soak: many launches, allocate/free cycles, module load/destroy cycles and concurrent
// callers on one runtime, sampled at start (after a warm-up that runs every phase), middle
// and end. Memory that only grows with use (JS heap, RSS, wasm heap, shim objects) must stay
// within a few percent of the start. `npm run soak` runs the full plan; `npm test` a short one.

import { Runtime } from '../../src/runtime.js';
import { fixtureBytes } from '../helpers/fixtures.js';
import { jsHeapAfterGc } from '../helpers/host-memory.js';

export interface SoakPlan {
  launches: number;
  allocations: number;
  modules: number;
  /** Rounds of four concurrent callers, each launching into and reading back its own ndarray. */
  concurrent: number;
}

export const FULL_SOAK: SoakPlan = { launches: 100_000, allocations: 10_000, modules: 1_000, concurrent: 1_000 };
export const SHORT_SOAK: SoakPlan = { launches: 4_000, allocations: 1_000, modules: 40, concurrent: 40 };

export interface Sample {
  jsHeap: number;
  rss: number;
  wasmHeap: number;
  shimObjects: number;
}

export interface SoakResult {
  start: Sample;
  middle: Sample;
  end: Sample;
  /** One line per metric that grew past its allowance from start to end. */
  growth: string[];
}

/**
 * Allowed growth from start to end: a fraction of the start, and at least a floor. The runtime
 * keeps command buffers, fences and argument buffers for reuse, as many as were ever in flight
 * at once, so a new peak of concurrency may add a few shim objects; a leak adds one or more per
 * cycle (thousands).
 */
const ALLOWANCE: Record<keyof Sample, { fraction: number; floor: number }> = {
  jsHeap: { fraction: 0.05, floor: 2 << 20 },
  rss: { fraction: 0.1, floor: 64 << 20 },
  wasmHeap: { fraction: 0.03, floor: 0 },
  shimObjects: { fraction: 0, floor: 16 },
};

const FILL = fixtureBytes('android_fill_matmul.tcm');

function sample(rt: Runtime): Sample {
  return {
    jsHeap: jsHeapAfterGc(),
    rss: process.memoryUsage().rss,
    wasmHeap: rt.diagnostics().wasmHeapBytes,
    shimObjects: Object.values(rt.diagnostics().vulkanObjects).reduce((a, b) => a + b, 0),
  };
}

export function formatSample(name: string, s: Sample): string {
  const mib = (n: number) => `${(n / (1 << 20)).toFixed(1)} MiB`;
  return `${name.padEnd(6)} JS heap ${mib(s.jsHeap)}, RSS ${mib(s.rss)}, wasm heap ${mib(s.wasmHeap)}, shim objects ${s.shimObjects}`;
}

/** Runs `plan` split in two halves (after a warm-up of a quarter), sampling before, between and after. */
export async function soak(plan: SoakPlan, onSample: (name: string, s: Sample) => void = () => {}): Promise<SoakResult> {
  const rt = await Runtime.create();
  try {
    const mod = await rt.loadModule(FILL);
    const fill = mod.kernel('fill');
    const nd = rt.ndarray('f32', [4, 4], { hostRead: true });

    const launches = async (n: number) => {
      for (let i = 0; i < n; i++) {
        fill.launch(nd, i % 1000);
        if (i % 1000 === 999) await rt.wait();
      }
      const values = await nd.read();
      const last = (n - 1) % 1000;
      if (n > 0 && values.some((v) => v !== last)) throw new Error(`after ${n} launches the ndarray holds ${values[0]}, not ${last}`);
    };
    const allocations = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const m = rt.allocateMemory({ size: 256 + (i % 7) * 64, hostWrite: i % 2 === 0 });
        m.free();
      }
    };
    const modules = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const m = await rt.loadModule(FILL);
        await m.destroy();
      }
    };
    const concurrent = async (rounds: number) => {
      const callers = Array.from({ length: 4 }, () => rt.ndarray('f32', [4, 4], { hostRead: true }));
      for (let r = 0; r < rounds; r++) {
        const reads = callers.map((a, k) => {
          fill.launch(a, r * 4 + k);
          return a.read().then((v) => {
            if (v.some((x) => x !== r * 4 + k)) throw new Error(`concurrent caller ${k}, round ${r}: read ${v[0]}, not ${r * 4 + k}`);
          });
        });
        await Promise.all([...reads, rt.wait()]);
      }
      for (const a of callers) a.free();
    };
    const phases = async (share: number) => {
      await launches(Math.round(plan.launches * share));
      await allocations(Math.round(plan.allocations * share));
      await modules(Math.round(plan.modules * share));
      await concurrent(Math.round(plan.concurrent * share));
    };

    await phases(0.25);
    const start = sample(rt);
    onSample('start', start);
    await phases(0.5);
    const middle = sample(rt);
    onSample('middle', middle);
    await phases(0.5);
    const end = sample(rt);
    onSample('end', end);

    const growth: string[] = [];
    for (const key of Object.keys(ALLOWANCE) as (keyof Sample)[]) {
      const { fraction, floor } = ALLOWANCE[key];
      const allowed = Math.max(start[key] * fraction, floor);
      if (end[key] - start[key] > allowed) growth.push(`${key}: ${start[key]} -> ${end[key]} (allowed +${Math.round(allowed)})`);
    }
    nd.free();
    await mod.destroy();
    return { start, middle, end, growth };
  } finally {
    await rt.destroy();
  }
}
