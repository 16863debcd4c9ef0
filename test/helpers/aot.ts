// Shared pieces of the AOT-module tests: fixture paths, one runtime per test file and error
// assertions; the seeded inputs and CPU references are in reference.ts (Deno runs them too).

import { afterAll, beforeAll, expect } from 'vitest';
import { fileURLToPath } from 'node:url';
import { Runtime, TaichiError } from '../../src/index.js';
import type { TaichiErrorCode } from '../../src/errors.js';

/** The real Taichi modules (read-only, shared/ beside the checkout, as in CI). */
export const FIXTURES = fileURLToPath(new URL('../../../shared/fixtures/taichi-aot/', import.meta.url));

export function fixture(name: string): string {
  return FIXTURES + name;
}

/** Creates one runtime for the calling test file (beforeAll) and destroys it afterwards. */
export function useRuntime(): () => Runtime {
  let runtime: Runtime | undefined;
  beforeAll(async () => {
    runtime = await Runtime.create();
  });
  afterAll(async () => {
    await runtime?.destroy();
  });
  return () => {
    if (!runtime) throw new Error('the runtime is created in beforeAll');
    return runtime;
  };
}

/** Runs `fn` and checks it fails with a TaichiError of `code` whose detail contains every fragment. */
export async function expectTaichiError(fn: () => unknown, code: TaichiErrorCode, ...fragments: string[]): Promise<TaichiError> {
  let caught: unknown;
  try {
    await fn();
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected TI_ERROR_${code}`).toBeInstanceOf(TaichiError);
  const error = caught as TaichiError;
  expect(error.code, error.message).toBe(code);
  for (const f of fragments) expect(error.detail).toContain(f);
  return error;
}

export { firstNonFinite, matmulError, matmulOperands, outsideUnitInterval, random, sum } from './reference.js';
