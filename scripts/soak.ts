// The long soak: `npm run soak -- [--launches N] [--allocations N] [--modules N] [--concurrent N]`
// (defaults: 100,000 launches, 10,000 allocate/free cycles, 1,000 module load/destroy cycles and
// 1,000 rounds of four concurrent callers). Prints the JS heap, RSS, wasm heap and live shim
// objects at start (after warm-up), middle and end; fails when any grows past its allowance.

import { parseArgs } from 'node:util';
import { soak, formatSample, formatObjects, FULL_SOAK, type SoakPlan } from '../test/fuzz/soak-run.js';

const { values } = parseArgs({
  options: { launches: { type: 'string' }, allocations: { type: 'string' }, modules: { type: 'string' }, concurrent: { type: 'string' } },
});
const plan: SoakPlan = { ...FULL_SOAK };
for (const key of Object.keys(plan) as (keyof SoakPlan)[]) {
  const text = values[key];
  if (text === undefined) continue;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${key} takes a non-negative integer, got '${text}'`);
  plan[key] = n;
}
console.log(`soak: ${plan.launches} launches, ${plan.allocations} allocate/free, ${plan.modules} module load/destroy, ${plan.concurrent} rounds of 4 concurrent callers`);
const started = performance.now();
const r = await soak(plan, (name, s) => console.log(formatSample(name, s)));
console.log(formatObjects(r.jsObjects));
console.log(`${((performance.now() - started) / 1000).toFixed(1)} s`);
if (r.growth.length > 0) {
  console.log(`grew:\n  ${r.growth.join('\n  ')}`);
  process.exitCode = 1;
} else {
  console.log('flat: RSS and wasm heap within 3% of the start, shim objects within 3% (at least 2), at the middle and the end; JS objects within 3% over the last stretch');
}
