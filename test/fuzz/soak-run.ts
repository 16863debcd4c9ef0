// The soak: many launches, allocate/free cycles, module load/destroy cycles and concurrent
// callers on one runtime, sampled at start (after a warm-up that runs every phase), middle
// and end. Memory that only grows with use (JS heap, RSS, wasm heap, shim objects) must stay
// within 3% of the start at the middle and at the end. `npm run soak` runs the full plan;
// `npm test` a short one.

import { Runtime } from '../../src/runtime.js';
import { fixtureBytes } from '../helpers/fixtures.js';
import { jsHeapAfterGc } from '../helpers/host-memory.js';
import { jsObjectBytes } from '../helpers/heap-objects.js';

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
  /** Bytes of JS objects, V8's compiled code left out (heap-objects.ts says why). */
  jsHeap: number;
  /** The whole JS heap after a full collection, compiled code included: printed, not checked. */
  jsHeapWithCode: number;
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

export type Allowance = Record<Exclude<keyof Sample, 'jsHeapWithCode'>, { fraction: number; floor: number }>;

/**
 * Allowed growth from the start in the full soak: 3% of it, and at least a floor for the small
 * counts. The runtime keeps command buffers, fences and argument buffers for reuse, as many as
 * were ever in flight at once, so a new peak of concurrency may add a shim object or two; a leak
 * adds one or more per cycle (thousands over the soak).
 */
export const STRICT: Allowance = {
  jsHeap: { fraction: 0.03, floor: 0 },
  rss: { fraction: 0.03, floor: 0 },
  wasmHeap: { fraction: 0.03, floor: 0 },
  shimObjects: { fraction: 0.03, floor: 2 },
};

/**
 * The short soak's warm-up is too short for every pool to reach its peak, and it shares the
 * process with the test runner: 5% of the JS heap, 4 shim objects. The leak of 0.5 KB per launch
 * once seen (issue 19, defect 0) grows the JS heap by over 2 MB (6%) here. RSS moves with the
 * allocators' own warm-up in so short a run: five runs on an idle machine ended between +2% and
 * +8.3%, with and without heap snapshots, so it is allowed 10% here; the full soak holds it to 3%.
 */
export const SHORT: Allowance = {
  jsHeap: { fraction: 0.05, floor: 0 },
  rss: { fraction: 0.1, floor: 0 },
  wasmHeap: { fraction: 0.03, floor: 0 },
  shimObjects: { fraction: 0, floor: 4 },
};

const FILL = fixtureBytes('android_fill_matmul.tcm');

function sample(rt: Runtime): Sample {
  // RSS first: the heap snapshot behind jsObjectBytes takes host memory of its own.
  const rss = process.memoryUsage().rss;
  return {
    jsHeapWithCode: jsHeapAfterGc(),
    jsHeap: jsObjectBytes(),
    rss,
    wasmHeap: rt.diagnostics().wasmHeapBytes,
    shimObjects: Object.values(rt.diagnostics().vulkanObjects).reduce((a, b) => a + b, 0),
  };
}

export function formatSample(name: string, s: Sample): string {
  const mib = (n: number) => `${(n / (1 << 20)).toFixed(1)} MiB`;
  return `${name.padEnd(6)} JS heap ${mib(s.jsHeap)} (${mib(s.jsHeapWithCode)} with compiled code), RSS ${mib(s.rss)}, wasm heap ${mib(s.wasmHeap)}, shim objects ${s.shimObjects}`;
}

/**
 * Runs `plan` split in two halves after a warm-up of half of it, sampling before, between and
 * after: RSS reaches its level only after about half of the full plan (the allocators' and V8's
 * pools grow to the peak the phases need).
 */
export async function soak(plan: SoakPlan, onSample: (name: string, s: Sample) => void = () => {}, allowance: Allowance = STRICT): Promise<SoakResult> {
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

    await phases(0.5);
    // Twice in the warm-up: the first heap snapshot's memory is mapped and unmapped, and moves
    // malloc's mmap threshold up; the second takes its memory from the heap, which keeps it. With
    // both in the baseline, the samples' own snapshots reuse that memory instead of adding RSS.
    jsObjectBytes();
    jsObjectBytes();
    const start = sample(rt);
    onSample('start', start);
    await phases(0.5);
    const middle = sample(rt);
    onSample('middle', middle);
    await phases(0.5);
    const end = sample(rt);
    onSample('end', end);

    const growth: string[] = [];
    for (const key of Object.keys(allowance) as (keyof Allowance)[]) {
      const { fraction, floor } = allowance[key];
      const allowed = Math.max(start[key] * fraction, floor);
      for (const [name, at] of [['middle', middle], ['end', end]] as const) {
        if (at[key] - start[key] > allowed) growth.push(`${key}: ${start[key]} at the start -> ${at[key]} at the ${name} (allowed +${Math.round(allowed)})`);
      }
    }
    nd.free();
    await mod.destroy();
    return { start, middle, end, growth };
  } finally {
    await rt.destroy();
  }
}
