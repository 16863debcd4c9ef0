// Builds the test programs of test/runtime/c/programs as a user builds a Vulkan compute program with
// main() (docs/c-programs.md): glslangValidator for the shaders, emcc with wasm/build/main.rsp
// against libtaichi_c_api.a; and runs them with runMain (src/program.ts).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runMain, type MainResult, type RunMainOptions } from '../../src/program.js';
import type { TaichiWasmFactory } from '../../src/platform/types.js';
import { adapter } from './gpu.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PROGRAMS = join(ROOT, 'test/runtime/c/programs');

/** Compiles test/runtime/c/programs/NAME.comp to DIR/NAME.spv and returns the .spv's bytes. */
export function compileShader(name: string, dir: string, defines: string[] = []): Uint8Array {
  const out = join(dir, `${name}.spv`);
  execFileSync('glslangValidator', ['-V', '--target-env', 'vulkan1.1', ...defines.map((d) => `-D${d}`), join(PROGRAMS, `${name}.comp`), '-o', out]);
  return new Uint8Array(readFileSync(out));
}

export interface Program {
  factory: TaichiWasmFactory;
  wasmBinary: Uint8Array;
}

/**
 * Links test/runtime/c/programs/{sources} (with vkc.c) into DIR/OUT.EXT (an emscripten factory, with
 * -sEXPORT_ES6 an ES module) and DIR/OUT.wasm, with extra emcc flags; returns the glue's path.
 */
export function linkProgram(dir: string, out: string, sources: string[], flags: string[] = [], ext: 'cjs' | 'mjs' = 'cjs'): string {
  const glue = join(dir, `${out}.${ext}`);
  execFileSync(
    'emcc',
    [
      '-O1', '-std=c11', '-Wall', '-Werror', `-isystem${join(ROOT, 'wasm/build/include')}`,
      ...flags,
      ...[...sources, 'vkc.c'].map((s) => join(PROGRAMS, s)),
      join(ROOT, 'wasm/build/libtaichi_c_api.a'), `@${join(ROOT, 'wasm/build/main.rsp')}`,
      '-o', glue,
    ],
    { cwd: ROOT, env: { ...process.env, NODE_PATH: '/usr/share/nodejs' } },
  );
  return glue;
}

/** Links a program for Node (DIR/OUT.cjs) and loads it. */
export function buildProgram(dir: string, out: string, sources: string[], flags: string[] = []): Program {
  const factory = createRequire(import.meta.url)(linkProgram(dir, out, sources, flags)) as TaichiWasmFactory;
  return { factory, wasmBinary: new Uint8Array(readFileSync(join(dir, `${out}.wasm`))) };
}

/** Runs the program's main on a fresh Dawn adapter. */
export async function run(program: Program, options: Omit<RunMainOptions, 'gpu' | 'factory' | 'wasmBinary'>): Promise<MainResult> {
  return runMain({ ...options, ...program, gpu: await adapter() });
}
