// taichi.js (npm, a bench-only dev dependency) as the benchmarks use it: loaded on demand, in
// Node on Dawn's navigator.gpu, with the part of its API the benchmarks call.
import { dawn } from './common.js';

interface Field {
  toArray(): Promise<number[][]>;
  toArray1D(): Promise<number[]>;
  fromArray1D(values: number[]): Promise<void>;
}

export interface TaichiJs {
  init(): Promise<void>;
  f32: unknown;
  field(type: unknown, shape: number[]): Field;
  Vector: { field(n: number, type: unknown, shape: number[]): Field };
  Matrix: { field(n: number, m: number, type: unknown, shape: number[]): Field };
  addToKernelScope(scope: Record<string, unknown>): void;
  kernel(args: Record<string, unknown>, code: string): (...args: number[]) => Promise<void>;
  sync(): Promise<void>;
}

/**
 * taichi.js, loaded only when installed (absent on the GPU machine unless carried). It runs in
 * Node when `process.browser` is set while it is imported and navigator.gpu is Dawn's.
 */
export async function loadTaichiJs(): Promise<TaichiJs | string> {
  const proc = process as unknown as { browser?: boolean };
  Object.defineProperty(globalThis, 'navigator', { value: { gpu: dawn() }, configurable: true, writable: true });
  proc.browser = true;
  try {
    const name = 'taichi.js';
    const mod = (await import(name)) as { default?: TaichiJs } & TaichiJs;
    const ti = mod.default ?? mod;
    await ti.init();
    return ti;
  } catch (e) {
    return `unavailable (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`;
  } finally {
    delete proc.browser;
  }
}
