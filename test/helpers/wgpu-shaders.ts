// Node's side of test/helpers/wgpu-shader-main.ts: a batch of translated shaders validated (and run, when
// a job has a dispatch) by wgpu under Deno in one process.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromBase64, encodeJob, type ShaderJob, type ShaderJobResult } from './wgpu-shader-jobs.js';
import { denoRun, jsonLines } from '../../scripts/deno.js';

export interface WgpuResult {
  errors: string[];
  out?: Record<number, ArrayBuffer>;
}

export async function onWgpu(jobs: ShaderJob[], timeoutMs = 300_000): Promise<Map<string, WgpuResult>> {
  const dir = mkdtempSync(join(tmpdir(), 'wgpu-jobs-'));
  try {
    const file = join(dir, 'jobs.jsonl');
    writeFileSync(file, jobs.map(encodeJob).join('\n'));
    const { stdout } = await denoRun('test/helpers/wgpu-shader-main.ts', [file], timeoutMs);
    const results = new Map<string, WgpuResult>();
    for (const r of jsonLines<ShaderJobResult>(stdout)) {
      const out = r.out && Object.fromEntries(Object.entries(r.out).map(([binding, text]) => [binding, fromBase64(text).buffer as ArrayBuffer]));
      results.set(r.name, { errors: r.errors, out });
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
