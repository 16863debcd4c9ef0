// The soak: many launches, allocate/free cycles, module load/destroy cycles and concurrent
// callers on one runtime, sampled at start (after a warm-up that runs every phase), middle
// and end. Memory that only grows with use (RSS, wasm heap, shim objects) must stay within 3% of
// the start at the middle and at the end; the JS heap's objects are measured over one more
// stretch after the end (jsObjects, below). `npm run soak` runs the full plan; `npm test` a short one.

import { Runtime } from '../../src/runtime.js';
import { fixtureBytes } from '../helpers/fixtures.js';
import { jsHeapWithoutCodeAfterGc } from '../helpers/host-memory.js';
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
  /**
   * The JS heap after a full collection, less what V8 counts as compiled code and bytecode
   * (host-memory.ts): printed, not checked. V8's code metadata outside that count (deoptimization
   * data, relocation info) goes on growing with optimization, by about 0.4 MiB over the soak.
   */
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
  /**
   * Bytes of JS objects other than V8's code, from heap snapshots taken after the end sample and
   * after one more half of the plan. A snapshot allocates a few times the heap in native memory,
   * and RSS sampled after one stayed 15 to 20% higher; so no snapshot comes before the RSS samples.
   */
  jsObjects: { before: number; after: number };
  /** One line per metric that grew past its allowance from start to end. */
  growth: string[];
}

export type Allowance = Record<'jsObjects' | 'rss' | 'wasmHeap' | 'shimObjects', { fraction: number; floor: number }>;

/**
 * Allowed growth from the start in the full soak: 3% of it, and at least a floor for the small
 * counts. The runtime keeps command buffers, fences and argument buffers for reuse, as many as
 * were ever in flight at once, so a new peak of concurrency may add a shim object or two; a leak
 * adds one or more per cycle (thousands over the soak).
 */
export const STRICT: Allowance = {
  jsObjects: { fraction: 0.03, floor: 0 },
  rss: { fraction: 0.03, floor: 0 },
  wasmHeap: { fraction: 0.03, floor: 0 },
  shimObjects: { fraction: 0.03, floor: 2 },
};

/**
 * The short soak's warm-up is too short for every pool to reach its peak, and it shares the
 * process with the test runner: 5% of the JS objects, 12 shim objects. Reads of host-readable
 * memory keep up to 4 staging allocations for reuse (src/memory.ts), each a memory, a buffer and
 * the fence of its copy; how many the concurrent phase fills depends on how its reads overlap
 * (runs ended 0 to 9 objects above the start), so the allowance is that pool's bound. The leak of 0.5 KB per launch
 * once seen (issue 19, defect 0) grows the JS objects by about 1 MB (over 15%) in the last stretch. RSS moves with the
 * allocators' own warm-up in so short a run: five runs on an idle machine ended between +2% and
 * +8.3%, with and without heap snapshots, and one beside the other test files of `npm test` on 2
 * cores +11.8% (alone then: +5%, -1%, +3.9%), so it is allowed 15% here; the full soak holds it to 3%.
 */
export const SHORT: Allowance = {
  jsObjects: { fraction: 0.05, floor: 0 },
  rss: { fraction: 0.15, floor: 0 },
  wasmHeap: { fraction: 0.03, floor: 0 },
  shimObjects: { fraction: 0, floor: 12 },
};

const FILL = fixtureBytes('android_fill_matmul.tcm');

function sample(rt: Runtime): Sample {
  const heap = jsHeapWithoutCodeAfterGc();
  return {
    jsHeapWithCode: heap.used,
    jsHeap: heap.withoutCode,
    rss: process.memoryUsage().rss,
    wasmHeap: rt.diagnostics().wasmHeapBytes,
    shimObjects: Object.values(rt.diagnostics().vulkanObjects).reduce((a, b) => a + b, 0),
  };
}

export function formatObjects(o: SoakResult['jsObjects']): string {
  const mib = (n: number) => `${(n / (1 << 20)).toFixed(2)} MiB`;
  return `JS objects (heap snapshots, after the end and after one more half of the plan): ${mib(o.before)} -> ${mib(o.after)}`;
}

export function formatSample(name: string, s: Sample): string {
  const mib = (n: number) => `${(n / (1 << 20)).toFixed(1)} MiB`;
  return `${name.padEnd(6)} JS heap ${mib(s.jsHeap)} (${mib(s.jsHeapWithCode)} with compiled code), RSS ${mib(s.rss)}, wasm heap ${mib(s.wasmHeap)}, shim objects ${s.shimObjects}`;
}

/**
 * Runs `plan` split in two halves after a warm-up of the whole plan, sampling before, between
 * and after, then one more half for the JS objects. RSS reaches its level only after most of the
 * full plan (the allocators' and V8's pools grow to the peak the phases need): with a warm-up of
 * half the plan, four runs of the full soak ended between -1.5% and +4.5%, the step always
 * between the start and the middle, the middle and the end within 2% of each other.
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

    await phases(1);
    const start = sample(rt);
    onSample('start', start);
    await phases(0.5);
    const middle = sample(rt);
    onSample('middle', middle);
    await phases(0.5);
    const end = sample(rt);
    onSample('end', end);

    const jsObjects = { before: jsObjectBytes(), after: 0 };
    await phases(0.5);
    jsObjects.after = jsObjectBytes();

    const growth: string[] = [];
    const allowed = (key: keyof Allowance, from: number) => Math.max(from * allowance[key].fraction, allowance[key].floor);
    for (const key of ['rss', 'wasmHeap', 'shimObjects'] as const) {
      for (const [name, at] of [['middle', middle], ['end', end]] as const) {
        if (at[key] - start[key] > allowed(key, start[key])) growth.push(`${key}: ${start[key]} at the start -> ${at[key]} at the ${name} (allowed +${Math.round(allowed(key, start[key]))})`);
      }
    }
    if (jsObjects.after - jsObjects.before > allowed('jsObjects', jsObjects.before)) {
      growth.push(`jsObjects: ${jsObjects.before} after the end -> ${jsObjects.after} after one more half (allowed +${Math.round(allowed('jsObjects', jsObjects.before))})`);
    }
    nd.free();
    await mod.destroy();
    return { start, middle, end, jsObjects, growth };
  } finally {
    await rt.destroy();
  }
}
