// A module built here, for argument kinds the real modules lack: i32, u32 and f16 scalars, vec3
// and 2x2 tensors, and a kernel with return values. The GLSL is compiled with glslangValidator at
// test time and zipped with a metadata.json laid out as Taichi 1.8 writes it (and as
// wasm/src/metadata.cpp reads it): descriptor set 0, binding 0 the std140 args block, ndarrays as
// u32 storage buffers, binding 1 the rets buffer.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import type { AotModule } from '../../src/index.js';
import { expectTaichiError, useRuntime } from '../helpers/aot.js';

const runtime = useRuntime();

// TiDataType values, as metadata.json stores dtypes.
const DT = { f16: 0, f32: 1, i32: 5, u32: 10 } as const;

// Args block of `mixed`, std140: i @0, u @4, h @8 (an f16 argument is two bytes of half, as
// Taichi writes it; the C API takes it as a float and rounds it),
// v (vec3) @16, m (2x2, row-major, tight) @32, out's shape @48. The runtime packs tensor
// elements tightly at the element size (write_args in wasm/src/launch.cpp), so the 2x2 matrix
// is a vec4 here, not a std140 mat2 (whose columns would sit 16 bytes apart).
const MIXED = `#version 450
#extension GL_EXT_shader_explicit_arithmetic_types_float16 : require
#extension GL_EXT_shader_16bit_storage : require
layout(local_size_x = 1) in;
layout(std140, set = 0, binding = 0) uniform Args {
  layout(offset = 0) int i;
  layout(offset = 4) uint u;
  layout(offset = 8) float16_t h;
  layout(offset = 16) vec3 v;
  layout(offset = 32) vec4 m;
  layout(offset = 48) int out_dim0;
} args;
layout(std430, set = 0, binding = 2) buffer Out { uint data[]; } out_;
void put(int k, float x) { out_.data[k] = floatBitsToUint(x); }
void main() {
  put(0, float(args.i));
  put(1, float(args.u));
  put(2, float(args.u >> 31));
  put(3, float(args.h));
  put(4, args.v.x); put(5, args.v.y); put(6, args.v.z);
  put(7, args.m.x); put(8, args.m.y); put(9, args.m.z); put(10, args.m.w);
  // m @ v.xy, with m row-major: the tensor's element order.
  put(11, args.m.x * args.v.x + args.m.y * args.v.y);
  put(12, float(args.out_dim0));
}
`;

// `twice(x, out) -> f32`: returns 2x through the rets buffer (binding 1) and also writes it to
// out; a module with it is refused (the C API cannot read return values).
const TWICE = `#version 450
layout(local_size_x = 1) in;
layout(std140, set = 0, binding = 0) uniform Args {
  layout(offset = 0) float x;
  layout(offset = 16) int out_dim0;
} args;
layout(std430, set = 0, binding = 1) buffer Rets { uint rets[]; } rets_;
layout(std430, set = 0, binding = 2) buffer Out { uint data[]; } out_;
void main() {
  rets_.rets[0] = floatBitsToUint(2.0 * args.x);
  out_.data[0] = floatBitsToUint(2.0 * args.x);
}
`;

interface Arg {
  name: string;
  ptype: 0 | 1 | 4;
  dtype: number;
  offset: number;
  fieldDim?: number;
  elementShape?: number[];
}

const primitive = (dtype: number) => ({ type_kind: 0, content: { type: dtype } });

/** args_type_ entry for one argument, in the shape Taichi writes (ndarray: {shape, data_ptr}). */
function argType(a: Arg): unknown {
  if (a.ptype === 1) {
    const dims = Array.from({ length: a.fieldDim ?? 1 }, (_, d) => ({ name: `dim_${d}`, offset: 4 * d, type: primitive(DT.i32) }));
    return {
      type_kind: 3,
      content: {
        layout_: '1-',
        elements_: [
          { name: 'shape', offset: 0, type: { type_kind: 3, content: { layout_: '1-', elements_: dims } } },
          { name: 'data_ptr', offset: 16, type: { type_kind: 1, content: { addr_space_: 0, is_bit_pointer_: false, pointee_: primitive(a.dtype) } } },
        ],
      },
    };
  }
  if (a.ptype === 4) return { type_kind: 2, content: { element_: primitive(a.dtype), num_elements_: (a.elementShape ?? []).reduce((x, y) => x * y, 1) } };
  return primitive(a.dtype);
}

function kernelMetadata(name: string, args: Arg[], argsBytes: number, retsBytes: number, binds: { binding: number; type: number; root: number }[]): unknown {
  return {
    name,
    is_jit_evaluator: false,
    ctx_attribs: {
      arg_attribs_vec_: args.map((a, i) => ({
        key: [i],
        value: {
          name: a.name,
          ptype: a.ptype,
          dtype: a.dtype,
          field_dim: a.fieldDim ?? 0,
          element_shape: a.elementShape ?? [],
          is_array: a.ptype === 1,
          is_argpack: false,
          format: 0,
          indices: [i],
          offset_in_mem: 0,
          stride: 0,
        },
      })),
      args_bytes_: argsBytes,
      args_type_: { type_kind: 3, content: { layout_: '1-', elements_: args.map((a, i) => ({ name: `arg_${i}`, offset: a.offset, type: argType(a) })) } },
      rets_bytes_: retsBytes,
      ret_attribs_vec_: [],
      rets_type_: { type_kind: 3, content: { layout_: '4-', elements_: retsBytes ? [{ name: 'ret_0', offset: 0, type: primitive(DT.f32) }] : [] } },
      arr_access: args.flatMap((a, i) => (a.ptype === 1 ? [{ key: [i], value: 2 }] : [])),
      argpack_types_: [],
    },
    tasks_attribs: [
      {
        name: `${name}_t00`,
        advisory_total_num_threads: 1,
        advisory_num_threads_per_group: 1,
        task_type: 0,
        buffer_binds: binds.map((b) => ({ binding: b.binding, buffer: { type: b.type, root_id: [b.root] } })),
        texture_binds: [],
        range_for_attribs: { begin: 0, end: 0, const_begin: true, const_end: true },
      },
    ],
  };
}

// buffer_binds types: 2 Args, 3 Rets, 5 ExtArr (root_id: the argument's index).
const MIXED_ARGS: Arg[] = [
  { name: 'i', ptype: 0, dtype: DT.i32, offset: 0 },
  { name: 'u', ptype: 0, dtype: DT.u32, offset: 4 },
  { name: 'h', ptype: 0, dtype: DT.f16, offset: 8 },
  { name: 'v', ptype: 4, dtype: DT.f32, offset: 16, elementShape: [3] },
  { name: 'm', ptype: 4, dtype: DT.f32, offset: 32, elementShape: [2, 2] },
  { name: 'out', ptype: 1, dtype: DT.f32, offset: 48, fieldDim: 1 },
];

let temp: string;
let mod: AotModule;
let withReturnValue: Uint8Array;
let tooLargeWorkgroup: Uint8Array;

async function compile(name: string, source: string): Promise<Uint8Array> {
  const src = join(temp, `${name}.comp`);
  const spv = join(temp, `${name}.spv`);
  await writeFile(src, source);
  execFileSync('glslangValidator', ['-V', '--target-env', 'vulkan1.1', '-S', 'comp', src, '-o', spv], { stdio: 'pipe' });
  return new Uint8Array(await readFile(spv));
}

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'taichi-wasm-custom-'));
  const metadata = {
    fields: [],
    kernels: [
      kernelMetadata('mixed', MIXED_ARGS, 64, 0, [
        { binding: 0, type: 2, root: -1 },
        { binding: 2, type: 5, root: 5 },
      ]),
      kernelMetadata('twice', [
        { name: 'x', ptype: 0, dtype: DT.f32, offset: 0 },
        { name: 'out', ptype: 1, dtype: DT.f32, offset: 16, fieldDim: 1 },
      ], 32, 4, [
        { binding: 0, type: 2, root: -1 },
        { binding: 1, type: 3, root: -1 },
        { binding: 2, type: 5, root: 1 },
      ]),
    ],
    required_caps: [{ key: 'spirv_version', value: 0x10300 }],
    root_buffer_size: 0,
  };
  const mixed = await compile('mixed', MIXED);
  const twice = await compile('twice', TWICE);
  const pack = (kernels: { name: string }[]) =>
    zipSync(
      {
        'metadata.json': strToU8(JSON.stringify({ ...metadata, kernels })),
        'graphs.json': strToU8('[]'),
        '__content__': strToU8(kernels.map((k) => `kernel:${k.name}`).join('\n')),
        '__version__': strToU8('1.8.0'),
        'mixed_t00.spv': mixed,
        'twice_t00.spv': twice,
      },
      { level: 0 },
    );
  const archive = pack(metadata.kernels.slice(0, 1) as { name: string }[]);
  // Valid SPIR-V whose 4096-invocation workgroup no WebGPU device takes.
  const huge = await compile('huge', MIXED.replace('local_size_x = 1', 'local_size_x = 1024, local_size_y = 4'));
  tooLargeWorkgroup = zipSync({ ...unzipSync(archive), 'mixed_t00.spv': huge }, { level: 0 });
  withReturnValue = pack(metadata.kernels as { name: string }[]);
  mod = await runtime().loadModule(archive);
});

afterAll(async () => {
  await mod?.destroy();
  await rm(temp, { recursive: true, force: true });
});

describe('a module built from GLSL', () => {
  test('describes its argument kinds', () => {
    const mixed = mod.kernels.find((k) => k.name === 'mixed')!;
    expect(mixed.args.map((a) => [a.name, a.kind, a.dtype, a.elementShape])).toEqual([
      ['i', 'scalar', 'i32', []],
      ['u', 'scalar', 'u32', []],
      ['h', 'scalar', 'f16', []],
      ['v', 'tensor', 'f32', [3]],
      ['m', 'tensor', 'f32', [2, 2]],
      ['out', 'ndarray', 'f32', []],
    ]);
  });

  test('i32, u32 and f16 scalars, vec3 and 2x2 tensors reach the shader at their offsets', async () => {
    const out = runtime().ndarray('f32', [13]);
    try {
      const v = [0.5, -1.25, 3];
      const m = [1, 2, 3, 4];
      // [i, u, h given, h as the kernel sees it: rounded to half, to nearest even]
      for (const [i, u, h, half] of [
        [-123456, 3_000_000_000, 0.333251953125, 0.333251953125],
        [7, 5, -2.5, -2.5],
        [1, 1, 0.1, 0.0999755859375],
        [2, 2, 1e-6, 17 * 2 ** -24],
        [3, 3, 65519, 65504],
        [4, 4, 70000, Infinity],
      ]) {
        mod.kernel('mixed').launch(i, u, h, v, m, out);
        const r = await out.read();
        expect(Array.from(r)).toEqual([i, u, u >= 2 ** 31 ? 1 : 0, half, ...v, ...m, m[0] * v[0] + m[1] * v[1], 13]);
      }
    } finally {
      out.free();
    }
  });

  test('a tensor of the wrong size or element type is refused', async () => {
    const out = runtime().ndarray('f32', [13]);
    try {
      await expectTaichiError(() => mod.kernel('mixed').launch(1, 2, 3, [1, 2], [1, 2, 3, 4], out), 'INVALID_ARGUMENT', "argument 3 ('v')", '2 tensor elements', '3');
      await expectTaichiError(() => mod.kernel('mixed').launch(1, 2, 3, [1, 2, 3], [1, 2, 3, 4, 5], out), 'INVALID_ARGUMENT', "argument 4 ('m')");
    } finally {
      out.free();
    }
  });

  test('a task WebGPU refuses to build (a 4096-invocation workgroup) fails the load, naming the task, and the runtime stays usable', async () => {
    await expectTaichiError(() => runtime().loadModule(tooLargeWorkgroup), 'INVALID_STATE', 'task mixed_t00', 'could not become a WebGPU pipeline');
    const out = runtime().ndarray('f32', [13]);
    mod.kernel('mixed').launch(1, 2, 3, [1, 2, 3], [1, 2, 3, 4], out);
    expect((await out.read())[0]).toBe(1);
    out.free();
  });

  test('a module with a kernel that returns a value (rets_bytes > 0) is refused at load, naming the kernel', async () => {
    await expectTaichiError(() => runtime().loadModule(withReturnValue), 'INCOMPATIBLE_MODULE', "kernel 'twice' returns a value (4 bytes)", 'write the result into an ndarray');
    const out = runtime().ndarray('f32', [13]);
    mod.kernel('mixed').launch(1, 2, 3, [1, 2, 3], [1, 2, 3, 4], out);
    expect((await out.read())[0]).toBe(1);
    out.free();
  });
});
