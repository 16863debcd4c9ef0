// The parity scripts' outputs: modules/<name>.tcm and expected/<name>.json (written by the Python
// beside this file; see common.py).

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { AotModule, Runtime } from '../../../src/index.js';

export interface Stored {
  dtype: string;
  shape: number[];
  data: number[];
}

export function modulePath(name: string): string {
  return fileURLToPath(new URL(`./modules/${name}.tcm`, import.meta.url));
}

export function loadModule(rt: Runtime, name: string): Promise<AotModule> {
  return rt.loadModule(readFileSync(modulePath(name)));
}

export function expected<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./expected/${name}.json`, import.meta.url), 'utf8')) as T;
}

/** Every element of `actual` within `tolerance` of `want` (absolute); integers use 0. */
export function expectClose(actual: ArrayLike<number>, want: ArrayLike<number>, tolerance: number, what: string): void {
  expect(actual.length, `${what}: length`).toBe(want.length);
  let worst = 0;
  let at = -1;
  for (let i = 0; i < want.length; i++) {
    const e = Math.abs(actual[i] - want[i]);
    if (!(e <= worst)) {
      worst = e;
      at = i;
    }
  }
  expect(worst, `${what}: element ${at} is ${actual[at]}, Taichi's is ${want[at]}`).toBeLessThanOrEqual(tolerance);
}
