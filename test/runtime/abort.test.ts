// An abort in a call that resumed from a wait and began to suspend again (here Asyncify's block
// overflowing while it unwinds; in a sanitized build also a report with halt_on_error) happens in
// the glue's promise callback: the call ends with that abort (wasm/js/asyncify-abort.js) instead
// of staying pending forever, through runMain and TaichiWasm.callAsync alike, and nothing is left
// as an unhandled rejection (vitest fails a run that has one). test/runtime/c/programs/deep_wait.c.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TaichiWasm } from '../../src/wasm.js';
import { buildProgram, run, type Program } from '../helpers/c-program.js';
import { adapter } from '../helpers/gpu.js';

let dir: string;
let program: Program;
const instances: TaichiWasm[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tiw-abort-'));
  program = buildProgram(dir, 'deep-wait', ['deep_wait.c']);
}, 300_000);

afterAll(() => {
  // The program aborts holding its GPUDevice, which would keep Node alive.
  for (const wasm of instances) for (const d of wasm.shim.handles.devices.values()) d.gpu.destroy();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('runMain rejects with the abort when main cannot suspend', async () => {
  const output: string[] = [];
  const result = run(program, { print: (line) => output.push(line) });
  await expect(result).rejects.toThrow(/RuntimeError: unreachable/);
  expect(output).toContain('deep_wait: waiting 2000 calls deep');
}, 300_000);

test('TaichiWasm.callAsync rejects with the abort when the call cannot suspend', async () => {
  const printed: string[] = [];
  const wasm = await TaichiWasm.instantiate(
    await adapter(),
    { ...program, moduleOptions: { print: (line: string) => printed.push(line), printErr: () => {}, noInitialRun: true } },
  );
  instances.push(wasm);
  const error = await wasm.callAsync('main', 0, 0).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WebAssembly.RuntimeError);
  expect((error as Error).message).toMatch(/^Aborted\(RuntimeError: unreachable\)/);
  expect(printed).toContain('deep_wait: waiting 2000 calls deep');
}, 300_000);
