// Test harness: GLSL -> SPIR-V with glslang, SPIR-V -> WGSL with the translator, and a WebGPU
// (Dawn) device for the dispatches of pipeline.ts, whose bind groups come from the reflection.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { create, globals } from 'webgpu';

Object.assign(globalThis, globals);

import { computeDevice } from '../helpers/pipeline.js';

export { bindGroupLayouts, buildPipeline, run, type Dispatch, type Resource } from '../helpers/pipeline.js';

export const GLSL_DIR = new URL('./glsl/', import.meta.url).pathname;

// The instance must stay referenced while its devices live: if the GC collects it, Dawn tears
// down under running work and the process aborts.
let instance: GPU | null = null;

export async function createDevice(features: GPUFeatureName[] = []): Promise<GPUDevice> {
  instance ??= create([]);
  return computeDevice(instance, features);
}

export class SpirvCompiler {
  private readonly dir = mkdtempSync(join(tmpdir(), 'spirv-test-'));
  private n = 0;

  // Compiles GLSL source text; `optimize` also runs spirv-opt -O (SSA form: OpPhi, merged blocks).
  glsl(source: string, opts: { env?: string; optimize?: boolean; stage?: string } = {}): Uint32Array {
    const base = join(this.dir, `s${this.n++}`);
    const src = `${base}.${opts.stage ?? 'comp'}`;
    writeFileSync(src, source);
    execFileSync('glslangValidator', ['-V', '--target-env', opts.env ?? 'vulkan1.1', '-o', `${base}.spv`, src], { stdio: 'pipe' });
    if (opts.optimize) execFileSync('spirv-opt', ['-O', `${base}.spv`, '-o', `${base}.spv`], { stdio: 'pipe' });
    return this.read(`${base}.spv`);
  }

  glslFile(name: string, opts: { env?: string; optimize?: boolean } = {}): Uint32Array {
    return this.glsl(readFileSync(join(GLSL_DIR, name), 'utf8'), opts);
  }

  // Assembles SPIR-V text (for modules glslang would never write).
  asm(text: string, env = 'spv1.3'): Uint32Array {
    const base = join(this.dir, `a${this.n++}`);
    writeFileSync(`${base}.spvasm`, text);
    execFileSync('spirv-as', ['--target-env', env, '-o', `${base}.spv`, `${base}.spvasm`], { stdio: 'pipe' });
    return this.read(`${base}.spv`);
  }

  private read(path: string): Uint32Array {
    const b = readFileSync(path);
    return new Uint32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Decorations of an i32 storage buffer block (%Buf holding %arr), for hand-written SPIR-V. */
export const INT_BUFFER_DECORATIONS = `OpDecorate %arr ArrayStride 4
OpMemberDecorate %Buf 0 Offset 0
OpDecorate %Buf Block
`;

/** The types that go with them, and %void, %fnty, %bool, %int, %uint and %v3uint. */
export const INT_BUFFER_TYPES = `%void = OpTypeVoid
%fnty = OpTypeFunction %void
%bool = OpTypeBool
%int = OpTypeInt 32 1
%uint = OpTypeInt 32 0
%v3uint = OpTypeVector %uint 3
%arr = OpTypeRuntimeArray %int
%Buf = OpTypeStruct %arr
%pBuf = OpTypePointer StorageBuffer %Buf
%pInt = OpTypePointer StorageBuffer %int
`;

// Deterministic pseudo-random numbers (xorshift32), so failures reproduce.
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}
