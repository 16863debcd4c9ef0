// Modules from both exporters (Taichi 1.7.4 and taichi-forge 0.7) of test/taichi/forge-probe/probe.py:
// every launch against the exporter's own result (probe.json), then forge's dialect field by
// field: each field this runtime cannot honour, set in a copy of forge's module, is refused at
// load with INCOMPATIBLE_MODULE naming it.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';

import { expectTaichiError, useRuntime } from '../helpers/aot.js';

const HERE = fileURLToPath(new URL('../taichi/forge-probe/', import.meta.url));
const EXPORTERS = ['taichi', 'taichi_forge'] as const;
const W = 8;
const H = 4;

type Expected = Record<string, { shape: number[]; values: number[] }>;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const expected = (exporter: string): Expected => JSON.parse(readFileSync(join(HERE, exporter, 'probe.json'), 'utf8'));
const modulePath = (exporter: string): string => join(HERE, exporter, 'probe.tcm');

const runtime = useRuntime();
const scratch = mkdtempSync(join(tmpdir(), 'tiw-forge-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Float results within 1 ulp-ish of the exporter's (f32 arithmetic the GPU may fuse). */
function expectClose(got: ArrayLike<number>, want: { values: number[] }, tolerance = 1e-6): void {
  expect(got.length).toBe(want.values.length);
  let worst = 0;
  for (let i = 0; i < got.length; i++) worst = Math.max(worst, Math.abs(got[i] - want.values[i]) / Math.max(1, Math.abs(want.values[i])));
  expect(worst).toBeLessThanOrEqual(tolerance);
}

describe.each(EXPORTERS)('probe.tcm exported by %s', (exporter) => {
  const want = expected(exporter);

  it('a struct-for over a rw_texture takes its bounds from the texture (every texel written), then fetch and sample_lod read it', async () => {
    const rt = runtime();
    const m = await rt.loadModule(modulePath(exporter));
    const t = rt.allocateImage({ dimension: '2d', width: W, height: H, format: 'r32f' });
    const out = rt.ndarray('f32', [W, H]);
    m.kernel('tex_fill').launch(t);
    m.kernel('tex_read').launch(t, out);
    const texels = await t.read(Float32Array);
    for (let j = 0; j < H; j++) for (let i = 0; i < W; i++) expect(texels[j * W + i]).toBe(i * 10 + j);
    expectClose(await out.read(), want.tex_read);
    t.free();
    out.free();
    await m.destroy();
  });

  it('the Jacobi graph (whose dispatches forge names by a kernel alias) runs twice and matches', async () => {
    const rt = runtime();
    const m = await rt.loadModule(modulePath(exporter));
    const a = rt.ndarray('f32', [10]);
    const b = rt.ndarray('f32', [10]);
    a.write(Float32Array.from({ length: 10 }, (_, i) => i * i));
    for (let step = 0; step < 2; step++) m.graph('jacobi').launch({ a, b });
    expectClose(await a.read(), want.jacobi_a);
    expectClose(await b.read(), want.jacobi_b);
    a.free();
    b.free();
    await m.destroy();
  });

  it('fields of two SNode trees: forge sizes a root buffer for each; Taichi 1.7 records one, so its module is refused naming the tree', async () => {
    const rt = runtime();
    const path = join(HERE, exporter, 'trees.tcm');
    if (exporter === 'taichi') {
      await expectTaichiError(() => rt.loadModule(path), 'INCOMPATIBLE_MODULE', 'SNode tree 1', 'sizes 1 tree(s)');
      return;
    }
    const m = await rt.loadModule(path);
    const trees = rt.ndarray('f32', [8]);
    m.kernel('trees').launch(1.5, trees);
    m.kernel('trees').launch(0.25, trees);
    expectClose(await trees.read(), want.trees);
    trees.free();
    await m.destroy();
  });

  it('ndrange bounded by arguments, a serialized loop, a declared block size and vec3 ndarrays match', async () => {
    const rt = runtime();
    const m = await rt.loadModule(modulePath(exporter));
    const grid = rt.ndarray('f32', [6, 5]);
    // Taichi 1.7.4 binds its global temporaries twice in this kernel: the corpus's aliasing case.
    if (exporter === 'taichi_forge') {
      m.kernel('bounded').launch(grid, 3, 4);
      expectClose(await grid.read(), want.bounded);
    }
    const p = rt.ndarray('f32', [6]);
    p.write([1, 2, 3, 4, 5, 6]);
    m.kernel('prefix').launch(p);
    expectClose(await p.read(), want.prefix);
    const q = rt.ndarray('f32', [300]);
    q.write(Float32Array.from({ length: 300 }, (_, i) => Math.fround(-1 + (2 * i) / 299)));
    m.kernel('blocked').launch(q);
    expectClose(await q.read(), want.blocked, 1e-6);
    const v = rt.ndarray('f32', [3, 4], { elementShape: [3] });
    v.write(Float32Array.from({ length: 36 }, (_, i) => i));
    m.kernel('scale_vec').launch(v, 0.5);
    expectClose(await v.read(), want.scale_vec);
    for (const x of [grid, p, q, v]) x.free();
    await m.destroy();
  });
});

/** forge's module with `edit` applied to its metadata.json (or graphs.json), written to a file. */
function edited(name: string, edit: (meta: Json, graphs: Json[]) => void): string {
  const files = unzipSync(new Uint8Array(readFileSync(modulePath('taichi_forge'))));
  const meta = JSON.parse(strFromU8(files['metadata.json']));
  const graphs = JSON.parse(strFromU8(files['graphs.json']));
  edit(meta, graphs);
  files['metadata.json'] = strToU8(JSON.stringify(meta));
  files['graphs.json'] = strToU8(JSON.stringify(graphs));
  const path = join(scratch, `${name}.tcm`);
  writeFileSync(path, zipSync(files));
  return path;
}

const kernel = (meta: Json, name: string): Json => meta.kernels.find((k: Json) => k.name === name);
const task = (meta: Json, name: string): Json => kernel(meta, name).tasks_attribs[0];

// [field, edit, fragments the message names]
const REFUSALS: [string, (meta: Json, graphs: Json[]) => void, string[]][] = [
  ['metadata_version', (m) => (m.metadata_version = 17), ['$.metadata_version', 'version 16']],
  ['an unknown top-level field', (m) => (m.tile_plans = []), ['$.tile_plans', 'does not know']],
  ['an unknown task field', (m) => (task(m, 'blocked').warp_specialized = true), ['(task blocked_', 'warp_specialized', 'does not know']],
  ['an unknown argument field', (m) => (kernel(m, 'sweep').ctx_attribs.arg_attribs_vec_[0].value.layout = 1), ['kernel sweep', '.layout']],
  ['an unknown graph field', (_, g) => (g[0].value.dispatches[0].priority = 1), ['graphs.json', 'priority']],
  ['an unknown shape word', (m) => (kernel(m, 'sweep').ctx_attribs.args_type_.content.elements_[0].type.content.elements_[0].type.content.elements_[0].name = 'extent_0'), ["'extent_0'", 'not one this runtime fills']],
  ['acceleration_structure_binds (ray queries)', (m) => task(m, 'sweep').acceleration_structure_binds.push({ arg_id: [0], binding: 5 }), ['acceleration_structure_binds', 'ray queries']],
  ['cooperative_matrix_requirements', (m) => task(m, 'sweep').cooperative_matrix_requirements.push({}), ['cooperative_matrix_requirements', 'cooperative matrices']],
  ['device_range_dispatch', (m) => m.device_range_dispatch.push({ tasks: [] }), ['$.device_range_dispatch', 'device-sized']],
  ['device_range_dispatch_version', (m) => (task(m, 'sweep').device_range_dispatch_version = 1), ['device_range_dispatch_version', 'device-sized']],
  ['one_to_one', (m) => (task(m, 'sweep').one_to_one = true), ['(task sweep_', 'one_to_one', 'host_launch']],
  ['sparse_list_op', (m) => (task(m, 'sweep').sparse_list_op = 1), ['sparse_list_op', 'sparse']],
  ['may_mutate_sparse_topology', (m) => (task(m, 'sweep').may_mutate_sparse_topology = true), ['may_mutate_sparse_topology']],
  ['initial_root_data', (m) => m.initial_root_data.push({ tree: 0 }), ['initial_root_data', 'root snapshots']],
  ['snode_tree_resources', (m) => m.snode_tree_resources.push({}), ['snode_tree_resources']],
  ['a texture bind with comparison', (m) => (task(m, 'tex_read').texture_binds[0].comparison = true), ['texture_binds[0].comparison', 'depth-comparison']],
  ['a texture bind at lod 1', (m) => (task(m, 'tex_fill').texture_binds[0].lod = 1), ['texture_binds[0].lod', 'mip level']],
  ['texture_lod', (m) => (kernel(m, 'tex_fill').ctx_attribs.arg_attribs_vec_[0].value.texture_lod = 2), ['texture_lod', 'mip level']],
  ['requested_block_dim unlike the shader', (m) => (task(m, 'blocked').requested_block_dim = 32), ['requested_block_dim', 'advisory_num_threads_per_group 64']],
  ['requested_grid_dim unlike the advisory grid', (m) => (task(m, 'prefix').requested_grid_dim = 4), ['requested_grid_dim', 'advisory grid']],
  ['chunk_count', (m) => (task(m, 'sweep').buffer_binds[0].chunk_count = 2), ['chunk_count', 'chunked']],
  ['return values', (m) => kernel(m, 'sweep').ctx_attribs.ret_attribs_vec_.push({}), ['ret_attribs_vec_', 'return values']],
  ['argument packs', (m) => (kernel(m, 'sweep').ctx_attribs.arg_attribs_vec_[0].value.is_argpack = true), ['is_argpack', 'argument packs']],
  ['gradient ndarrays', (m) => (kernel(m, 'sweep').ctx_attribs.grad_arr_access[0].value = 1), ['grad_arr_access', 'autodiff']],
  ['static_shared_array_bytes beyond the device', (m) => (task(m, 'blocked').static_shared_array_bytes = 1 << 20), ['static_shared_array_bytes 1048576', 'workgroup memory']],
  ['a JIT evaluator', (m) => (kernel(m, 'sweep').is_jit_evaluator = true), ['is_jit_evaluator']],
  ['a capability only forge names (ray queries)', (m) => m.required_caps.push({ key: 'spirv_has_ray_query', value: 1 }), ['spirv_has_ray_query = 1', 'no ray queries']],
  ['a capability only forge names (shared float atomics)', (m) => m.required_caps.push({ key: 'spirv_has_shared_atomic_float_add', value: 1 }), ['spirv_has_shared_atomic_float_add = 1', 'shared-memory float atomics']],
  ['a capability no exporter names', (m) => m.required_caps.push({ key: 'spirv_has_warp_magic', value: 1 }), ["unknown capability 'spirv_has_warp_magic'"]],
];

describe("forge's dialect: what cannot run is refused at load, naming the field", () => {
  it.each(REFUSALS)('%s', async (name, edit, fragments) => {
    const path = edited(name.replace(/\W+/g, '_'), edit);
    await expectTaichiError(() => runtime().loadModule(path), 'INCOMPATIBLE_MODULE', ...fragments);
  });

  it('kernel_aliases resolve through the C API as kernels too; an alias that names a missing kernel index is corrupt data', async () => {
    const meta = JSON.parse(strFromU8(unzipSync(new Uint8Array(readFileSync(modulePath('taichi_forge'))))['metadata.json']));
    expect(meta.kernel_aliases.length).toBeGreaterThan(0);
    const m = await runtime().loadModule(modulePath('taichi_forge'));
    const a = runtime().ndarray('f32', [4]);
    const b = runtime().ndarray('f32', [4]);
    a.write([1, 2, 3, 4]);
    m.kernel(meta.kernel_aliases[0].name).launch(a, b);
    expect(Array.from(await b.read())).toEqual([0, 2, 3, 0]);
    for (const x of [a, b]) x.free();
    await m.destroy();
    const path = edited('bad_alias', (mm) => (mm.kernel_aliases[0].kernel_index = 99));
    await expectTaichiError(() => runtime().loadModule(path), 'CORRUPTED_DATA', '$.kernel_aliases[0].kernel_index');
  });

  it('a module of sparse SNodes (pointer, bitmasked, dynamic) is refused naming them, not called corrupt (its tasks bind buffer kinds Taichi 1.7 has no name for)', async () => {
    await expectTaichiError(() => runtime().loadModule(join(HERE, 'taichi_forge', 'sparse.tcm')), 'INCOMPATIBLE_MODULE', '$.snode_tree_resources', 'SNode tree 0 has sparse SNodes');
  });

  it.each([
    ['struct_mixed', 'members of different types'],
    ['struct_nested', 'a member is itself a vector or struct'],
  ])('a ti.types.struct argument the C API cannot pass as one tensor (%s.tcm) is refused at load naming the argument, not called corrupt', async (name, why) => {
    await expectTaichiError(() => runtime().loadModule(join(HERE, 'taichi_forge', `${name}.tcm`)), 'INCOMPATIBLE_MODULE', why, "argument 's' is a struct", 'pass its members as separate arguments');
  });

  it('a graph dispatching a kernel the module lacks is refused with its names intact (they were once printed after being freed)', async () => {
    const path = edited('missing_kernel', (_, g) => (g[0].value.dispatches[1].kernel_name = 'sweep_nowhere_7'));
    await expectTaichiError(() => runtime().loadModule(path), 'CORRUPTED_DATA', "graph 'jacobi' dispatches kernel 'sweep_nowhere_7', which the module lacks");
  });

  it('a rw_texture argument of another format than the kernel stores is refused at launch', async () => {
    const rt = runtime();
    const m = await rt.loadModule(modulePath('taichi_forge'));
    const t = rt.allocateImage({ dimension: '2d', width: W, height: H, format: 'rgba8' });
    await expectTaichiError(() => m.kernel('tex_fill').launch(t), 'INVALID_ARGUMENT', 'rgba8', 'r32f');
    t.free();
    await m.destroy();
  });
});
