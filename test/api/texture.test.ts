// Kernels with texture and rw_texture arguments, in modules the test builds: GLSL compiled by
// glslangValidator, a metadata.json in Taichi's layout with texture_binds, zipped with fflate.
// Ports the reference's texture pipeline (checkerboard -> 1 - that -> sum into an ndarray) and
// checks a LINEAR-filtered sample of an rgba8 image against a CPU bilinear filter.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Runtime, type AotModule } from '../../src/index.js';
import { TiImageLayout } from '../../src/abi/taichi-enums.js';

const SIZE = 128;

/** One kernel argument: its Taichi ptype and dtype, and (ndarrays) ndim and element shape. */
interface Arg {
  name: string;
  ptype: 0 | 1 | 2 | 3;
  dtype?: number;
  ndim?: number;
  elementShape?: number[];
}

interface KernelSource {
  name: string;
  glsl: string;
  args: Arg[];
  /** buffer_binds: binding 0 is the args buffer; ndarrays by argument index. */
  ndarrays: { binding: number; arg: number }[];
  textures: { binding: number; arg: number; storage: boolean }[];
}

const F32 = 1;

/** Compiles each kernel's GLSL and packs a .tcm with the metadata Taichi would write. */
function buildModule(kernels: KernelSource[]): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'tiw-texture-'));
  const files: Record<string, Uint8Array> = {};
  try {
    for (const k of kernels) {
      writeFileSync(join(dir, `${k.name}.comp`), k.glsl);
      execFileSync('glslangValidator', ['-V', '--target-env', 'vulkan1.1', '-o', join(dir, `${k.name}.spv`), join(dir, `${k.name}.comp`)], { stdio: 'pipe' });
      files[`${k.name}_t00.spv`] = new Uint8Array(readFileSync(join(dir, `${k.name}.spv`)));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const metadata = {
    fields: [],
    kernels: kernels.map((k) => {
      // Every argument gets 32 bytes of the args buffer: an ndarray's shape sits at its start.
      const elements = k.args.map((a, i) => ({
        name: `arg_${i}`,
        offset: 32 * i,
        type:
          a.ptype === 1
            ? { type_kind: 3, content: { layout_: '1-', elements_: [{ name: 'shape', offset: 0, type: { type_kind: 3, content: { layout_: '1-', elements_: [] } } }] } }
            : { type_kind: 0, content: { type: a.dtype ?? F32 } },
      }));
      return {
        name: k.name,
        is_jit_evaluator: false,
        ctx_attribs: {
          arg_attribs_vec_: k.args.map((a, i) => ({
            key: [i],
            value: { name: a.name, ptype: a.ptype, dtype: a.dtype ?? F32, field_dim: a.ndim ?? 0, element_shape: a.elementShape ?? [], format: 0, indices: [i], is_argpack: false, is_array: a.ptype === 1, offset_in_mem: 0, stride: 0 },
          })),
          args_bytes_: Math.max(16, 32 * k.args.length),
          args_type_: { type_kind: 3, content: { layout_: '1-', elements_: elements } },
          rets_bytes_: 0,
          ret_attribs_vec_: [],
          arr_access: [],
          argpack_types_: [],
        },
        tasks_attribs: [
          {
            name: `${k.name}_t00`,
            advisory_total_num_threads: SIZE * SIZE,
            advisory_num_threads_per_group: 128,
            task_type: 1,
            buffer_binds: [{ binding: 0, buffer: { type: 2, root_id: [-1] } }, ...k.ndarrays.map((n) => ({ binding: n.binding, buffer: { type: 5, root_id: [n.arg] } }))],
            texture_binds: k.textures.map((t) => ({ arg_id: [t.arg], binding: t.binding, is_storage: t.storage })),
            range_for_attribs: { begin: 0, end: SIZE * SIZE, const_begin: true, const_end: true },
          },
        ],
      };
    }),
    required_caps: [{ key: 'spirv_version', value: 0x10300 }],
    root_buffer_size: 0,
  };
  files['metadata.json'] = strToU8(JSON.stringify(metadata));
  files['graphs.json'] = strToU8('[]');
  return zipSync(files);
}

const LOOP = `for (uint i = gl_GlobalInvocationID.x; i < ${SIZE * SIZE}u; i += gl_NumWorkGroups.x * 128u)`;

/** The checkerboard of kernel 1, on the CPU: 16-texel squares, values that differ per texel. */
function checker(x: number, y: number): number {
  return ((x >> 4) + (y >> 4)) % 2 === 0 ? Math.fround(0.75 + (x % 7) / 64) : Math.fround((y % 5) / 32);
}

const PIPELINE: KernelSource[] = [
  {
    name: 'write_checkerboard',
    args: [{ name: 'tex', ptype: 3 }],
    ndarrays: [],
    textures: [{ binding: 1, arg: 0, storage: true }],
    glsl: `#version 450
layout(local_size_x = 128) in;
layout(set = 0, binding = 1, r32f) uniform writeonly image2D tex;
void main() {
  ${LOOP} {
    ivec2 p = ivec2(i % ${SIZE}u, i / ${SIZE}u);
    float v = ((p.x / 16 + p.y / 16) % 2 == 0) ? 0.75 + float(p.x % 7) / 64.0 : float(p.y % 5) / 32.0;
    imageStore(tex, p, vec4(v, 0.0, 0.0, 0.0));
  }
}`,
  },
  {
    name: 'invert',
    args: [
      { name: 'src', ptype: 2 },
      { name: 'dst', ptype: 3 },
    ],
    ndarrays: [],
    textures: [
      { binding: 1, arg: 0, storage: false },
      { binding: 2, arg: 1, storage: true },
    ],
    glsl: `#version 450
layout(local_size_x = 128) in;
layout(set = 0, binding = 1) uniform sampler2D src;
layout(set = 0, binding = 2, r32f) uniform writeonly image2D dst;
void main() {
  ${LOOP} {
    ivec2 p = ivec2(i % ${SIZE}u, i / ${SIZE}u);
    imageStore(dst, p, vec4(1.0 - texelFetch(src, p, 0).r, 0.0, 0.0, 0.0));
  }
}`,
  },
  {
    name: 'sum',
    args: [
      { name: 'a', ptype: 2 },
      { name: 'b', ptype: 2 },
      { name: 'out', ptype: 1, ndim: 2 },
    ],
    ndarrays: [{ binding: 3, arg: 2 }],
    textures: [
      { binding: 1, arg: 0, storage: false },
      { binding: 2, arg: 1, storage: false },
    ],
    // b is sampled at texel centres (the filter then returns the texel); a is fetched.
    glsl: `#version 450
layout(local_size_x = 128) in;
layout(set = 0, binding = 1) uniform sampler2D a;
layout(set = 0, binding = 2) uniform sampler2D b;
layout(std430, set = 0, binding = 3) buffer Out { float data[]; } out_;
void main() {
  ${LOOP} {
    ivec2 p = ivec2(i % ${SIZE}u, i / ${SIZE}u);
    vec2 uv = (vec2(p) + 0.5) / float(${SIZE});
    float va = texelFetch(a, p, 0).r;
    out_.data[p.x * ${SIZE} + p.y] = va + textureLod(b, uv, 0.0).r + 0.25 * va;
  }
}`,
  },
];

const SAMPLES = 256;

const SAMPLE_KERNEL: KernelSource = {
  name: 'sample_rgba',
  args: [
    { name: 'tex', ptype: 2 },
    { name: 'uv', ptype: 1, ndim: 1, elementShape: [2] },
    { name: 'out', ptype: 1, ndim: 1, elementShape: [4] },
  ],
  ndarrays: [
    { binding: 2, arg: 1 },
    { binding: 3, arg: 2 },
  ],
  textures: [{ binding: 1, arg: 0, storage: false }],
  glsl: `#version 450
layout(local_size_x = 128) in;
layout(set = 0, binding = 1) uniform sampler2D tex;
layout(std430, set = 0, binding = 2) buffer Uv { vec2 uv[]; } uv_;
layout(std430, set = 0, binding = 3) buffer Out { vec4 color[]; } out_;
void main() {
  for (uint i = gl_GlobalInvocationID.x; i < ${SAMPLES}u; i += gl_NumWorkGroups.x * 128u) {
    out_.color[i] = textureLod(tex, uv_.uv[i], 0.0);
  }
}`,
};

const moduleDir = mkdtempSync(join(tmpdir(), 'tiw-texture-modules-'));

/**
 * The .tcm written to a file: loading from bytes would pass the size as a 64-bit argument to a
 * call that suspends, which this emscripten's Asyncify cannot rewind.
 */
function modulePath(name: string, tcm: Uint8Array): string {
  const path = join(moduleDir, `${name}.tcm`);
  writeFileSync(path, tcm);
  return path;
}

let runtime: Runtime;
let pipeline: AotModule;
let sampling: AotModule;

beforeAll(async () => {
  runtime = await Runtime.create();
  pipeline = await runtime.loadModule(modulePath('pipeline', buildModule(PIPELINE)));
  sampling = await runtime.loadModule(modulePath('sampling', buildModule([SAMPLE_KERNEL])));
});

afterAll(async () => {
  await runtime?.destroy();
  rmSync(moduleDir, { recursive: true, force: true });
});

describe('the reference texture pipeline', () => {
  it('checkerboard into an R32F storage image, 1 - that into a second, summed into an ndarray: matches the CPU, every value > 0.5', async () => {
    const first = runtime.allocateImage({ dimension: '2d', width: SIZE, height: SIZE, format: 'r32f' });
    const second = runtime.allocateImage({ dimension: '2d', width: SIZE, height: SIZE, format: 'r32f' });
    const out = runtime.ndarray('f32', [SIZE, SIZE]);
    pipeline.kernel('write_checkerboard').launch(first);
    pipeline.kernel('invert').launch(first, second);
    pipeline.kernel('sum').launch(first, { image: second }, out);
    const got = await out.read();
    const board = await first.read(Float32Array);
    let mismatches = 0;
    for (let x = 0; x < SIZE; x++) {
      for (let y = 0; y < SIZE; y++) {
        const a = checker(x, y);
        expect(board[y * SIZE + x]).toBe(a);
        const expected = a + Math.fround(1 - a) + 0.25 * a;
        if (Math.abs(got[x * SIZE + y] - expected) > 1e-6) mismatches++;
      }
    }
    expect(mismatches).toBe(0);
    expect(got.every((v) => v > 0.5)).toBe(true);
    expect(runtime.diagnostics().validationMessages).toEqual([]);
    first.free();
    second.free();
    out.free();
  });

  it('refuses a rw_texture argument whose image lacks storage usage, and a non-image value', async () => {
    const sampledOnly = runtime.allocateImage({ dimension: '2d', width: SIZE, height: SIZE, format: 'rgba8srgb' });
    expect(() => pipeline.kernel('write_checkerboard').launch(sampledOnly)).toThrow(/storage usage/);
    expect(() => pipeline.kernel('write_checkerboard').launch(3)).toThrow(/Image/);
    sampledOnly.free();
  });
});

/** Texel (x, y) of an RGBA8 image under an address mode, as floats in [0, 1]. */
function texel(bytes: Uint8Array, w: number, h: number, x: number, y: number, repeat: boolean): number[] {
  const wrap = (v: number, n: number): number => (repeat ? ((v % n) + n) % n : Math.min(n - 1, Math.max(0, v)));
  const at = 4 * (wrap(y, h) * w + wrap(x, w));
  return [0, 1, 2, 3].map((c) => bytes[at + c] / 255);
}

/** The bilinear filter of the Vulkan and WebGPU specifications. */
function bilinear(bytes: Uint8Array, w: number, h: number, u: number, v: number, repeat: boolean): number[] {
  const x = u * w - 0.5;
  const y = v * h - 0.5;
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  const t00 = texel(bytes, w, h, x0, y0, repeat);
  const t10 = texel(bytes, w, h, x0 + 1, y0, repeat);
  const t01 = texel(bytes, w, h, x0, y0 + 1, repeat);
  const t11 = texel(bytes, w, h, x0 + 1, y0 + 1, repeat);
  return t00.map((_, c) => (1 - fy) * ((1 - fx) * t00[c] + fx * t10[c]) + fy * ((1 - fx) * t01[c] + fx * t11[c]));
}

describe('samplers', () => {
  it.each(['clamp-to-edge', 'repeat'] as const)('LINEAR filtering of an rgba8 image (%s) matches a CPU bilinear filter', async (addressMode) => {
    const w = 5;
    const h = 4;
    const bytes = new Uint8Array(w * h * 4).map((_, i) => (i * 73 + 11) % 256);
    const image = runtime.allocateImage({ dimension: '2d', width: w, height: h, format: 'rgba8' });
    image.write(bytes);
    const sampler = runtime.createSampler({ magFilter: 'linear', minFilter: 'linear', addressMode });
    const uvs = new Float32Array(2 * SAMPLES).map((_, i) => Math.fround(((i * 0.618034) % 1.4) - 0.2));
    const uv = runtime.ndarray('f32', [SAMPLES], { elementShape: [2] });
    uv.write(uvs);
    const out = runtime.ndarray('f32', [SAMPLES], { elementShape: [4] });
    sampling.kernel('sample_rgba').launch({ image, sampler }, uv, out);
    const got = await out.read();
    let worst = 0;
    for (let i = 0; i < SAMPLES; i++) {
      const expected = bilinear(bytes, w, h, uvs[2 * i], uvs[2 * i + 1], addressMode === 'repeat');
      for (let c = 0; c < 4; c++) worst = Math.max(worst, Math.abs(got[4 * i + c] - expected[c]));
    }
    // Filter weights are quantised to 8 bits of sub-texel precision (subTexelPrecisionBits).
    expect(worst).toBeLessThan(1 / 128);
    sampler.destroy();
    image.free();
  });

  it('a nearest sampler returns texels exactly', async () => {
    const w = 4;
    const h = 4;
    const bytes = new Uint8Array(w * h * 4).map((_, i) => (i * 37 + 5) % 256);
    const image = runtime.allocateImage({ dimension: '2d', width: w, height: h, format: 'rgba8' });
    image.write(bytes);
    const sampler = runtime.createSampler({ magFilter: 'nearest', minFilter: 'nearest', addressMode: 'clamp-to-edge' });
    const uvs = new Float32Array(2 * SAMPLES).map((_, i) => ((i >> 1) % 16) / 4 / 4 + (i % 2 === 0 ? 0.1 : 0.05));
    const uv = runtime.ndarray('f32', [SAMPLES], { elementShape: [2] });
    uv.write(uvs);
    const out = runtime.ndarray('f32', [SAMPLES], { elementShape: [4] });
    sampling.kernel('sample_rgba').launch({ image, sampler }, uv, out);
    const got = await out.read();
    for (let i = 0; i < SAMPLES; i++) {
      const x = Math.min(w - 1, Math.floor(uvs[2 * i] * w));
      const y = Math.min(h - 1, Math.floor(uvs[2 * i + 1] * h));
      expect(Array.from(got.subarray(4 * i, 4 * i + 4)).map((v) => Math.round(v * 255))).toEqual(texel(bytes, w, h, x, y, false).map((v) => Math.round(v * 255)));
    }
    sampler.destroy();
    image.free();
  });
});

describe('layout tracking', () => {
  it('transition, then track the layout it is in, then a kernel: no validation report', async () => {
    const image = runtime.allocateImage({ dimension: '2d', width: SIZE, height: SIZE, format: 'r32f' });
    const before = runtime.diagnostics().validationMessages.length;
    runtime.wasm.call('ti_transition_image', runtime.handle, image.handle, TiImageLayout.SHADER_READ);
    runtime.wasm.call('ti_track_image_ext', runtime.handle, image.handle, TiImageLayout.SHADER_READ);
    pipeline.kernel('write_checkerboard').launch(image);
    const board = await image.read(Float32Array);
    expect(board[17 * SIZE + 3]).toBe(checker(3, 17));
    expect(runtime.diagnostics().validationMessages.length).toBe(before);
    image.free();
  });

  it('tracking a layout the image is not in is reported by the shim when the next barrier finds otherwise', async () => {
    const image = runtime.allocateImage({ dimension: '2d', width: SIZE, height: SIZE, format: 'r32f' });
    runtime.wasm.call('ti_transition_image', runtime.handle, image.handle, TiImageLayout.SHADER_READ);
    runtime.wasm.call('ti_track_image_ext', runtime.handle, image.handle, TiImageLayout.TRANSFER_DST);
    pipeline.kernel('write_checkerboard').launch(image);
    await runtime.wait();
    const last = runtime.diagnostics().validationMessages.at(-1);
    expect(last?.entryPoint).toBe('vkCmdPipelineBarrier');
    expect(last?.message).toMatch(/SHADER_READ_ONLY_OPTIMAL, not TRANSFER_DST_OPTIMAL/);
    image.free();
  });
});
