// Every benchmark in turn (`npm run bench`); each prints its table and writes its results.
// BENCH_ONLY=launch,bandwidth runs a subset.
import { run as size } from './size.js';
import { run as translate } from './translate.js';
import { run as load } from './load.js';
import { run as launch } from './launch.js';
import { run as latency } from './latency.js';
import { run as bandwidth } from './bandwidth.js';
import { run as mpm88 } from './mpm88.js';
import { run as graphs } from './graphs.js';
import { run as memory } from './memory.js';
import { run as implementations } from './implementations.js';

const benches: Record<string, () => Promise<void>> = { size, translate, load, launch, latency, bandwidth, mpm88, graphs, memory, implementations };
const only = process.env.BENCH_ONLY?.split(',');
let failures = 0;
for (const [name, bench] of Object.entries(benches)) {
  if (only && !only.includes(name)) continue;
  const t0 = performance.now();
  try {
    await bench();
  } catch (e) {
    failures++;
    console.error(`bench ${name} failed:`, e);
  }
  console.log(`(${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}
// Dawn can keep the process alive after the devices are gone.
process.exit(failures ? 1 : 0);
