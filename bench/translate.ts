// Benchmark (not a test): translates every task of every fixture module and prints the total
// time and tasks per second. `npm run bench:translate`, or run() from bench/run-all.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { translateSpirv } from '../shim/spirv/translate.js';
import { fixturesDir } from './common.js';

const ROUNDS = Number(process.env.ROUNDS ?? 20);

interface Task { name: string; words: Uint32Array }

function loadTasks(): Task[] {
  const tasks: Task[] = [];
  for (const file of readdirSync(fixturesDir()).filter((f) => f.endsWith('.tcm')).sort()) {
    const files = unzipSync(readFileSync(join(fixturesDir(), file)));
    if (files['metadata.json'] === undefined) continue;
    for (const [name, data] of Object.entries(files)) {
      if (!name.endsWith('.spv')) continue;
      const copy = data.slice();
      tasks.push({ name: `${file}/${name}`, words: new Uint32Array(copy.buffer, 0, copy.byteLength >>> 2) });
    }
  }
  return tasks;
}

export async function run(): Promise<void> {
  const tasks = loadTasks();
  const kib = (tasks.reduce((s, t) => s + t.words.length, 0) * 4) / 1024;
  const pass = (): { ms: number; wgslBytes: number } => {
    const t0 = performance.now();
    let wgslBytes = 0;
    for (const t of tasks) wgslBytes += translateSpirv(t.words).wgsl.length;
    return { ms: performance.now() - t0, wgslBytes };
  };
  const cold = pass();
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) times.push(pass().ms);
  times.sort((a, b) => a - b);
  const median = times[times.length >> 1];
  const rate = (ms: number): string => (tasks.length / (ms / 1000)).toFixed(0);
  console.log(`translate: ${tasks.length} tasks, ${kib.toFixed(0)} KiB of SPIR-V in, ${(cold.wgslBytes / 1024).toFixed(0)} KiB of WGSL out`);
  console.log(`  first pass (cold JIT): ${cold.ms.toFixed(1)} ms total, ${rate(cold.ms)} tasks/s`);
  console.log(`  steady state: median ${median.toFixed(1)} ms per pass of ${ROUNDS} (min ${times[0].toFixed(1)} ms), ${rate(median)} tasks/s`);
  console.log(`  goal, all tasks under 500 ms: ${cold.ms < 500 ? 'met' : 'NOT met'} cold, ${median < 500 ? 'met' : 'NOT met'} steady`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
