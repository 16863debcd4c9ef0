// The launch target: ti_launch_kernel / ti_launch_compute_graph through the C API with random
// argument counts, kinds, shapes, dtypes and memory handles, then ti_wait. Memory handles are
// written as slots (patched to this session's handles when run), so a stored case replays.

import { Runtime } from '../../src/runtime.js';
import type { AotModule } from '../../src/module.js';
import type { Memory } from '../../src/memory.js';
import { TiArgument, TiArgumentValue, TiNamedArgument, TiNdArray, TiNdShape, TiScalar, TiTensor, TiTensorValueWithLength } from '../../src/abi/taichi-structs.js';
import { fixtureBytes } from '../helpers/fixtures.js';
import { checkKnownGood } from '../helpers/session.js';
import { judge, withTimeout, type Outcome } from '../helpers/outcome.js';
import { Rng } from '../helpers/random.js';

const MODULES = ['android_fill_matmul.tcm', 'fractal.kernel.tcm', 'mpm88.cgraph.tcm'] as const;
const MEMORY_SIZES = [4, 16, 256, 4096, 65536];
/** Memory-field slots: 0 null, 1..5 live memories, 6 a freed memory, 7 the runtime handle; larger values are literal. */
const SLOT_FREED = 6;
const SLOT_RUNTIME = 7;

export interface LaunchSpec {
  module: number;
  /** A kernel or graph name of that module, or a literal handle when `handle` is set. */
  name: string;
  graph: boolean;
  handle?: number;
  argCount: number;
  /** Arguments (TiArgument, or TiNamedArgument whose name pointer is patched from `names`). */
  blob: string;
  names: (string | null)[];
}

const ARG = TiArgument.size;
const NAMED = TiNamedArgument.size;
const V = TiArgument.offsets.value;
const ND = V + TiArgumentValue.offsets.ndarray;

function writeShape(view: DataView, at: number, dims: number[], rng: Rng): void {
  const count = rng.chance(0.9) ? dims.length : rng.pick([0, 1, 3, 16, 17, 255, rng.u32()]);
  view.setUint32(at + TiNdShape.offsets.dim_count, count >>> 0, true);
  for (let i = 0; i < 16; i++) {
    const d = i < dims.length ? dims[i] : 0;
    view.setUint32(at + TiNdShape.offsets.dims + 4 * i, (rng.chance(0.05) ? rng.edgeInt() : d) >>> 0, true);
  }
}

/** One TiArgument at `at`, mostly of the kind the signature wants. */
function writeArgument(view: DataView, at: number, sig: { kind: string; dtype: string; ndim: number; elementShape: number[] } | undefined, rng: Rng): void {
  const kinds = { scalar: [0, 1, 4], ndarray: [2], tensor: [5], texture: [3], rw_texture: [3] } as Record<string, number[]>;
  const type = sig && rng.chance(0.85) ? rng.pick(kinds[sig.kind] ?? [4]) : rng.chance(0.8) ? rng.int(7) : rng.u32();
  view.setUint32(at + TiArgument.offsets.type, type >>> 0, true);
  const dtypeValue = (d: string): number => ['f16', 'f32', 'f64', 'i8', 'i16', 'i32', 'i64', 'u1', 'u8', 'u16', 'u32', 'u64'].indexOf(d);
  const elemType = sig && rng.chance(0.85) ? dtypeValue(sig.dtype) : rng.pick([0, 1, 2, 3, 5, 8, 10, 12, 13, 14, 99, rng.u32()]);
  if (type === 2) {
    const slot = rng.chance(0.85) ? rng.range(1, MEMORY_SIZES.length) : rng.chance(0.6) ? rng.pick([0, SLOT_FREED, SLOT_RUNTIME]) : rng.u32() | 16;
    view.setUint32(at + ND + TiNdArray.offsets.memory, slot >>> 0, true);
    const ndim = sig?.ndim ?? rng.int(4);
    writeShape(view, at + ND + TiNdArray.offsets.shape, Array.from({ length: ndim }, () => rng.range(1, 9)), rng);
    writeShape(view, at + ND + TiNdArray.offsets.elem_shape, [...(sig?.elementShape ?? [])], rng);
    view.setUint32(at + ND + TiNdArray.offsets.elem_type, elemType >>> 0, true);
  } else if (type === 5) {
    const t = V + TiArgumentValue.offsets.tensor;
    view.setUint32(at + t + TiTensor.offsets.type, elemType >>> 0, true);
    const n = sig && rng.chance(0.7) ? sig.elementShape.reduce((a, b) => a * b, 1) : rng.edgeInt();
    view.setUint32(at + t + TiTensor.offsets.contents + TiTensorValueWithLength.offsets.length, n >>> 0, true);
    for (let i = 0; i < 32; i++) view.setUint32(at + t + TiTensor.offsets.contents + TiTensorValueWithLength.offsets.data + 4 * i, rng.u32(), true);
  } else if (type === 4) {
    view.setUint32(at + V + TiArgumentValue.offsets.scalar + TiScalar.offsets.type, elemType >>> 0, true);
    view.setUint32(at + V + TiArgumentValue.offsets.scalar + TiScalar.offsets.value, rng.u32(), true);
  } else {
    view.setUint32(at + V, rng.u32(), true);
  }
}

export class LaunchSession {
  runtime!: Runtime;
  modules: AotModule[] = [];
  memories: Memory[] = [];
  freed = 0;

  static async open(): Promise<LaunchSession> {
    const s = new LaunchSession();
    s.runtime = await Runtime.create();
    for (const m of MODULES) s.modules.push(await s.runtime.loadModule(fixtureBytes(m)));
    s.memories = MEMORY_SIZES.map((size) => s.runtime.allocateMemory({ size, hostWrite: true }));
    const gone = s.runtime.allocateMemory({ size: 64 });
    s.freed = gone.handle;
    gone.free();
    return s;
  }

  async close(): Promise<void> {
    await this.runtime.destroy();
  }
}

export function generateLaunch(rng: Rng): { spec: LaunchSpec; mutation: string } {
  const module = rng.int(MODULES.length);
  // Signatures are fixed by the fixtures; described here from what the modules declare.
  const graph = module === 2 && rng.chance(0.5);
  const names = graph ? ['init', 'update'] : module === 0 ? ['fill', 'matmul'] : module === 1 ? ['fractal'] : ['init_particles_c84_0', 'substep_reset_grid_c76_0'];
  const name = rng.chance(0.95) ? rng.pick(names) : rng.pick(['', 'nope', 'fill ', names[0].toUpperCase()]);
  const handle = rng.chance(0.05) ? rng.pick([0, 1, rng.u32(), 0x50000001, 0x60000001]) : undefined;
  return { spec: { module, name, graph, handle, argCount: 0, blob: '', names: [] }, mutation: `${MODULES[module]} ${graph ? 'graph' : 'kernel'} ${name}${handle !== undefined ? ` as handle ${handle}` : ''}` };
}

/** Fills in the arguments from the module's signature (needs the session to read it). */
export function generateArguments(spec: LaunchSpec, session: LaunchSession, rng: Rng): string {
  const mod = session.modules[spec.module];
  const sigs = (spec.graph ? mod.graphs : mod.kernels).find((k) => k.name === spec.name)?.args ?? [];
  const count = rng.chance(0.85) ? sigs.length : rng.pick([0, 1, sigs.length + 1, Math.max(0, sigs.length - 1), 64, 65, 0xffffffff, rng.int(70)]);
  spec.argCount = count;
  const written = Math.min(count, 70);
  const stride = spec.graph ? NAMED : ARG;
  const bytes = new Uint8Array(Math.max(1, written * stride));
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < written; i++) {
    const sig = sigs[i];
    if (spec.graph) {
      const which = rng.chance(0.85) && i < sigs.length ? i : rng.int(sigs.length + 1);
      const sg = sigs[which];
      spec.names.push(rng.chance(0.03) ? null : sg ? sg.name : rng.pick(['', 'x', 'grid_v ', 'C']));
      writeArgument(view, i * NAMED + TiNamedArgument.offsets.argument, sg, rng);
    } else {
      writeArgument(view, i * ARG, sig, rng);
    }
  }
  spec.blob = Buffer.from(bytes).toString('base64');
  return `${count} arguments`;
}

export async function executeLaunch(session: LaunchSession, spec: LaunchSpec, limitMs: number): Promise<Outcome> {
  const rt = session.runtime;
  const wasm = rt.wasm;
  const mod = session.modules[spec.module];
  const bytes = new Uint8Array(Buffer.from(spec.blob, 'base64'));
  const ptr = wasm.malloc(bytes.length);
  const strings: number[] = [];
  try {
    wasm.heap.set(bytes, ptr);
    const view = wasm.view();
    const stride = spec.graph ? NAMED : ARG;
    const base = spec.graph ? TiNamedArgument.offsets.argument : 0;
    const slots = [0, ...session.memories.map((m) => m.handle), session.freed, rt.handle];
    for (let i = 0; i * stride < bytes.length && i < 70; i++) {
      const at = ptr + i * stride + base;
      if (view.getUint32(at + TiArgument.offsets.type, true) === 2) {
        const slot = view.getUint32(at + ND + TiNdArray.offsets.memory, true);
        if (slot < slots.length) view.setUint32(at + ND + TiNdArray.offsets.memory, slots[slot], true);
      }
      if (spec.graph && i < spec.names.length) {
        const name = spec.names[i];
        const p = name === null ? 0 : wasm.allocCString(name);
        if (p) strings.push(p);
        view.setUint32(ptr + i * stride + TiNamedArgument.offsets.name, p, true);
      }
    }
    let handle = spec.handle;
    if (handle === undefined) {
      try {
        handle = spec.graph ? mod.graph(spec.name).handle : mod.kernel(spec.name).handle;
      } catch (e) {
        return judge(e);
      }
    }
    try {
      wasm.call(spec.graph ? 'ti_launch_compute_graph' : 'ti_launch_kernel', rt.handle, handle, spec.argCount, bytes.length > 0 ? ptr : 0);
    } catch (e) {
      return judge(e);
    }
    try {
      await withTimeout(rt.wait(), limitMs, 'wait after the launch');
    } catch (e) {
      return judge(e);
    }
    return { kind: 'ok' };
  } finally {
    for (const p of strings) wasm.free(p);
    wasm.free(ptr);
  }
}

export class LaunchTarget {
  readonly name = 'launch';
  private session: LaunchSession | undefined;

  constructor(private readonly limitMs: number) {}

  private async open(): Promise<LaunchSession> {
    this.session ??= await LaunchSession.open();
    return this.session;
  }

  async run(seed: number): Promise<{ target: 'launch'; seed: number; mutation: string; outcome: Outcome; ms: number; input: Uint8Array }> {
    const s = await this.open();
    const rng = new Rng(seed);
    const { spec, mutation } = generateLaunch(rng);
    const args = generateArguments(spec, s, rng);
    const start = performance.now();
    const outcome = await executeLaunch(s, spec, this.limitMs);
    return { target: 'launch', seed, mutation: `${mutation}, ${args}`, outcome, ms: performance.now() - start, input: new TextEncoder().encode(JSON.stringify(spec)) };
  }

  async replay(input: Uint8Array): Promise<Outcome> {
    return executeLaunch(await this.open(), JSON.parse(new TextDecoder().decode(input)) as LaunchSpec, this.limitMs);
  }

  recover(): void {
    this.session = undefined;
  }

  async check(): Promise<void> {
    await checkKnownGood((await this.open()).runtime);
  }

  async close(): Promise<void> {
    await this.session?.close();
    this.session = undefined;
  }
}
