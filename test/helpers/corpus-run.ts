// Runs one corpus case through the public TS API (Runtime, loadModule, NdArray, Image) and
// compares its outputs with the exporter's own results: integers exactly, floats within the
// case's stated tolerance.

import { decodeNpy, Image, type DType, type AotModule, type ArgumentValue, type ImageDimension, type ImageFormat, type NdArray, type Runtime } from '../../src/index.js';
import type { CorpusCase, ArgRef, Statistics } from './corpus-manifest.js';

const DIMENSIONS: ImageDimension[] = ['1d', '2d', '3d'];
const SPECIAL = { inf: Infinity, '-inf': -Infinity, nan: NaN };

/** Reads a corpus file: from disk by default (Node, Deno), over fetch in a browser page. */
export type ReadFile = (path: string) => Promise<Uint8Array>;

export const readFromDisk: ReadFile = async (path) => {
  // Imported where it is used, so a browser bundle of this file needs no Node module.
  const { readFile } = await import('node:fs/promises');
  return new Uint8Array(await readFile(path));
};

/** Loads each module once per runtime; a module that fails to load fails every case of its group the same way. */
export class ModuleCache {
  private readonly modules = new Map<string, Promise<AotModule>>();

  /** `read`: how module files are read; by default the runtime loads them from disk by path. */
  constructor(
    private readonly runtime: Runtime,
    private readonly read?: ReadFile,
  ) {}

  get(path: string): Promise<AotModule> {
    let m = this.modules.get(path);
    if (!m) {
      const read = this.read;
      m = read ? read(path).then((bytes) => this.runtime.loadModule(bytes)) : this.runtime.loadModule(path);
      m.catch(() => undefined);
      this.modules.set(path, m);
    }
    return m;
  }

  async destroy(): Promise<void> {
    for (const m of this.modules.values()) {
      const loaded = await m.catch(() => undefined);
      await loaded?.destroy();
    }
  }
}

export interface Mismatch {
  array: string;
  /** The element's index, or the statistic compared. */
  index: number | keyof Statistics;
  got: number;
  want: number;
}

export interface CaseResult {
  compared: number;
  mismatches: Mismatch[];
  /** Each compared array's contents as read back, as a .npy file. */
  outputs: Map<string, Uint8Array>;
}

/** An f16's bits as a number. */
export function halfToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exp = (bits >> 10) & 0x1f;
  const frac = bits & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 31) return frac ? NaN : sign * Infinity;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

function values(dtype: string, data: ArrayBufferView): ArrayLike<number> {
  if (dtype === 'f16') return Array.from(data as Uint16Array, halfToNumber);
  return data as unknown as ArrayLike<number>;
}

function withinTolerance(got: number, want: number, rtol: number, atol: number): boolean {
  if (Number.isNaN(want)) return Number.isNaN(got);
  if (got === want) return true;
  return Math.abs(got - want) <= atol + rtol * Math.abs(want);
}

interface Summary {
  mean: number;
  variance: number;
  min: number;
  max: number;
  distinct: number;
}

function summarize(v: ArrayLike<number>): Summary {
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < v.length; i++) {
    sum += v[i];
    min = Math.min(min, v[i]);
    max = Math.max(max, v[i]);
  }
  const mean = sum / v.length;
  let squares = 0;
  for (let i = 0; i < v.length; i++) squares += (v[i] - mean) ** 2;
  return { mean, variance: squares / v.length, min, max, distinct: new Set(Array.from(v)).size / v.length };
}

/** Statistics of `got` against those of `want` (see Statistics); a NaN anywhere fails them. */
export function compareStatistics(array: string, got: ArrayLike<number>, want: ArrayLike<number>, limits: Statistics): Mismatch[] {
  const g = summarize(got);
  const w = summarize(want);
  const scale = w.max > w.min ? w.max - w.min : Math.abs(w.mean);
  const out: Mismatch[] = [];
  for (const key of ['mean', 'min', 'max'] as const) {
    const limit = limits[key];
    if (limit !== undefined && !(Math.abs(g[key] - w[key]) <= limit * scale)) out.push({ array, index: key, got: g[key], want: w[key] });
  }
  if (limits.variance !== undefined && !(Math.abs(g.variance - w.variance) <= limits.variance * scale * scale)) out.push({ array, index: 'variance', got: g.variance, want: w.variance });
  if (limits.distinct !== undefined && !(g.distinct >= limits.distinct)) out.push({ array, index: 'distinct', got: g.distinct, want: limits.distinct });
  return out;
}

export async function runCase(runtime: Runtime, modules: ModuleCache, c: CorpusCase, root: string, read: ReadFile = readFromDisk): Promise<CaseResult> {
  const m = c.manifest;
  const mod = await modules.get(`${root}/${c.exporter}/${m.module}`);
  const owned: (NdArray | Image)[] = [];
  try {
    const arrays = new Map<string, NdArray | Image>();
    for (const [name, spec] of Object.entries(m.arrays)) {
      if (spec.kind === 'texture') {
        const [width, height = 1, depth = 1] = spec.shape;
        const image = runtime.allocateImage({ dimension: DIMENSIONS[spec.shape.length - 1], width, height, depth, format: spec.format as ImageFormat });
        owned.push(image);
        arrays.set(name, image);
      } else {
        // WebGPU zeroes new buffers, as Taichi's ndarrays start.
        const nd = spec.input
          ? runtime.ndarrayFromNpy(await read(`${c.dir}/${spec.input}`), { elementDims: spec.elementShape!.length, hostRead: true })
          : runtime.ndarray(spec.dtype as DType, spec.shape, { elementShape: spec.elementShape, hostRead: true });
        owned.push(nd);
        arrays.set(name, nd);
      }
    }
    const value = (ref: ArgRef): ArgumentValue => {
      if ('array' in ref) return arrays.get(ref.array)!;
      if ('tensor' in ref) return ref.tensor;
      return typeof ref.scalar === 'number' ? ref.scalar : SPECIAL[ref.scalar];
    };
    for (const step of m.steps) {
      if ('kernel' in step) mod.kernel(step.kernel).launch(...step.args.map(value));
      else mod.graph(step.graph).launch(Object.fromEntries(Object.entries(step.args).map(([k, v]) => [k, value(v)])));
    }
    await runtime.wait();
    const result: CaseResult = { compared: 0, mismatches: [], outputs: new Map() };
    const { rtol, atol } = m.tolerance;
    for (const name of m.outputs) {
      const spec = m.arrays[name];
      const want = decodeNpy(await read(`${c.dir}/${spec.expected!}`));
      const npy = await (arrays.get(name) as NdArray).readNpy();
      result.outputs.set(name, npy);
      const got = decodeNpy(npy);
      if (got.dtype !== want.dtype || got.shape.join() !== want.shape.join()) {
        throw new Error(`${name}: got ${got.dtype} (${got.shape.join(', ')}), expected ${want.dtype} (${want.shape.join(', ')})`);
      }
      const g = values(got.dtype, got.data);
      const w = values(want.dtype, want.data);
      if (m.compare) {
        result.compared += w.length;
        result.mismatches.push(...compareStatistics(name, g, w, m.compare));
        continue;
      }
      const isFloat = got.dtype.startsWith('f');
      for (let i = 0; i < w.length; i++) {
        result.compared++;
        const ok = isFloat ? withinTolerance(g[i], w[i], rtol, atol) : g[i] === w[i];
        if (!ok) result.mismatches.push({ array: name, index: i, got: g[i], want: w[i] });
      }
    }
    return result;
  } finally {
    for (const o of owned) if (!(o instanceof Image ? o.isFreed : o.memory.isFreed)) o.free();
  }
}
