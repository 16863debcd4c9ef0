// The same cases on both WebGPU implementations: Dawn here (Node, npm `webgpu`) and wgpu under
// Deno (test/api/wgpu-fixtures-main.ts), each against the same CPU references. See docs/deno.md.

import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import type { CaseIo, CaseResult } from '../helpers/case.js';
import { fixtureCases } from '../helpers/fixture-cases.js';
import { FIXTURES, fixture, useRuntime } from '../helpers/aot.js';
import { denoRun, jsonLines } from '../../scripts/deno.js';

const runtime = useRuntime();
const nodeIo: CaseIo = {
  fixture,
  example: (name) => fileURLToPath(new URL(`../../examples/modules/${name}`, import.meta.url)),
  readFile: async (path) => new Uint8Array(await readFile(path)),
};

describe('on Dawn (Node)', () => {
  for (const c of fixtureCases) test(c.name, async () => void (await c.run(runtime(), nodeIo)));
});

describe('on wgpu (Deno)', () => {
  let adapter = '';
  const results = new Map<string, CaseResult>();
  beforeAll(async () => {
    const { stdout } = await denoRun('test/api/wgpu-fixtures-main.ts', [FIXTURES.replace(/\/$/, '')], 600_000);
    const lines = jsonLines<CaseResult & { adapter?: string }>(stdout);
    adapter = lines.find((l) => l.adapter !== undefined)?.adapter ?? '';
    for (const r of lines) if (r.name) results.set(r.name, r);
  }, 600_000);

  test('Deno found a WebGPU adapter', () => {
    expect(adapter).not.toBe('');
  });

  for (const c of fixtureCases) {
    test(c.name, () => {
      const r = results.get(c.name);
      expect(r, 'Deno reported no result').toBeDefined();
      expect(r!.ok, r!.detail).toBe(true);
    });
  }

  test("the package's browser entry (dist/src/index.browser.js) loads a module by path and from its bytes", async () => {
    const { stdout } = await denoRun('test/api/wgpu-fixtures-main.ts', [FIXTURES.replace(/\/$/, ''), 'dist/src/index.browser.js', 'android_fill_matmul.tcm'], 120_000);
    const lines = jsonLines<CaseResult>(stdout).filter((r) => r.name);
    expect(lines.map((r) => r.name)).toEqual(fixtureCases.filter((c) => c.name.startsWith('android_fill_matmul.tcm')).map((c) => c.name));
    for (const r of lines) expect(r.ok, `${r.name}: ${r.detail}`).toBe(true);
  });
});
