// Validates and runs translated shaders under Deno on wgpu: `deno run --sloppy-imports
// --allow-read test/helpers/wgpu-shader-main.ts JOBS.jsonl` (one encoded ShaderJob a line). Prints one
// ShaderJobResult a line. A job without a dispatch only builds its pipeline.

import { buildPipeline, computeDevice, run } from './pipeline.js';
import { decodeJob, toBase64, type ShaderJobResult } from './wgpu-shader-jobs.js';

declare const Deno: { args: string[]; readTextFile(path: string): Promise<string> };

const device = await computeDevice(navigator.gpu);
for (const line of (await Deno.readTextFile(Deno.args[0])).split('\n')) {
  if (!line) continue;
  const job = decodeJob(line);
  const result: ShaderJobResult = { name: job.name, errors: [] };
  try {
    if (job.dispatch) {
      const out = await run(device, job.shader, job.dispatch);
      result.out = Object.fromEntries(Object.entries(out).map(([binding, buffer]) => [binding, toBase64(new Uint8Array(buffer))]));
    } else {
      result.errors = (await buildPipeline(device, job.shader)).errors;
    }
  } catch (e) {
    result.errors.push(e instanceof Error ? e.message : String(e));
  }
  console.log(JSON.stringify(result));
}
device.destroy();
