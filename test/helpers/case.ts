// A case: a program run on a Runtime and checked against references computed without the GPU.
// Cases throw on a mismatch and return a one-line summary; they import neither vitest nor Node, so
// the same cases run in vitest on Dawn and under Deno on wgpu (test/api/wgpu-fixtures-main.ts).

import type { Runtime } from '../../src/index.js';

/** What a case may ask of the host: fixture paths and file bytes (Node's fs or Deno.readFile). */
export interface CaseIo {
  fixture(name: string): string;
  /** A module of the project's own examples (examples/modules). */
  example(name: string): string;
  readFile(path: string): Promise<Uint8Array>;
}

export interface Case {
  name: string;
  run(rt: Runtime, io: CaseIo): Promise<string>;
}

export interface CaseResult {
  name: string;
  ok: boolean;
  /** The summary, or the failure's message. */
  detail: string;
  ms: number;
}

export function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Runs every case on `rt` in order; a failing case does not stop the others. */
export async function runCases(rt: Runtime, io: CaseIo, cases: readonly Case[], report: (r: CaseResult) => void): Promise<void> {
  for (const c of cases) {
    const started = performance.now();
    let ok = true;
    let detail: string;
    try {
      detail = await c.run(rt, io);
    } catch (e) {
      ok = false;
      detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    }
    report({ name: c.name, ok, detail, ms: Math.round(performance.now() - started) });
  }
}
