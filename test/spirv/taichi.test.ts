// Every task of every real Taichi module of the shared fixtures (with metadata.json) translates,
// and both Dawn and wgpu (under Deno: naga and wgpu's pipeline checks) build a compute pipeline
// from the WGSL with the layout from reflection. (The corpus's modules run on wgpu whole, in
// test/taichi/wgpu-corpus.test.ts.) Modules and tasks are found from the files.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translateSpirv } from '../../shim/spirv/translate.js';
import { FIXTURES } from '../helpers/aot.js';
import { onWgpu, type WgpuResult } from '../helpers/wgpu-shaders.js';
import { buildPipeline, createDevice } from './harness.js';

interface Task { module: string; name: string; words: Uint32Array; bufferBinds: number[] }

function tasks(dir: string, label: string): Task[] {
  const out: Task[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.tcm')).sort()) {
    const files = unzipSync(readFileSync(join(dir, f)));
    if (files['metadata.json'] === undefined) continue;
    const meta = JSON.parse(new TextDecoder().decode(files['metadata.json'])) as {
      kernels?: Array<{ tasks_attribs?: Array<{ name: string; buffer_binds?: Array<{ binding: number }> }> }>;
    };
    const binds = new Map<string, number[]>();
    for (const k of meta.kernels ?? []) for (const t of k.tasks_attribs ?? []) binds.set(t.name, (t.buffer_binds ?? []).map((b) => b.binding));
    for (const [name, data] of Object.entries(files)) {
      if (!name.endsWith('.spv')) continue;
      const copy = data.slice();
      out.push({ module: `${label}${f}`, name: name.slice(0, -4), words: new Uint32Array(copy.buffer, 0, copy.byteLength >>> 2), bufferBinds: binds.get(name.slice(0, -4)) ?? [] });
    }
  }
  return out;
}

const fixtureTasks = tasks(FIXTURES, '');
const all = fixtureTasks;

describe('real Taichi AOT tasks', () => {
  let device: GPUDevice;
  beforeAll(async () => { device = await createDevice(); });
  afterAll(() => device?.destroy());

  it('finds the fixture tasks', () => {
    expect(fixtureTasks.length).toBeGreaterThanOrEqual(30);
  });

  for (const t of all) {
    it(`${t.module} ${t.name} builds a Dawn pipeline`, async () => {
      const r = translateSpirv(t.words);
      expect(r.workgroupSize[0]).toBeGreaterThan(0);
      // Every storage buffer the metadata binds that the shader uses is reflected as storage.
      const storage = new Set(r.bindings.filter((b) => b.kind === 'storage').map((b) => b.binding));
      for (const b of r.bindings) expect(b.set).toBe(0);
      for (const b of storage) expect(t.bufferBinds).toContain(b);
      const { errors } = await buildPipeline(device, r);
      expect(errors).toEqual([]);
    });
  }
});

describe('real Taichi AOT tasks on wgpu (Deno)', () => {
  let results = new Map<string, WgpuResult>();
  beforeAll(async () => {
    results = await onWgpu(all.map((t) => ({ name: `${t.module} ${t.name}`, shader: translateSpirv(t.words) })));
  }, 300_000);

  for (const t of all) {
    it(`${t.module} ${t.name} builds a wgpu pipeline`, () => {
      const result = results.get(`${t.module} ${t.name}`);
      expect(result, 'Deno reported no result').toBeDefined();
      expect(result!.errors).toEqual([]);
    });
  }
});
