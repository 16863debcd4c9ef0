// The long launch soak: `npm run soak -- [--launches N]` (default 100,000, about two minutes on
// lavapipe). Fails when the wasm heap or the shim's live objects grow over the run.

import { parseArgs } from 'node:util';
import { Runtime } from '../src/runtime.js';
import { soakLaunches } from '../test/fuzz/soak.js';

const { values } = parseArgs({ options: { launches: { type: 'string', default: '100000' } } });
const launches = Number(values.launches);
if (!Number.isInteger(launches) || launches <= 0) throw new Error(`--launches takes a positive integer, got '${values.launches}'`);
const rt = await Runtime.create();
const r = await soakLaunches(rt, launches, (done) => {
  if (done % 10_000 === 0) console.log(`${done} launches, wasm heap ${rt.diagnostics().wasmHeapBytes} bytes`);
});
await rt.destroy();
console.log(`${r.launches} launches in ${r.seconds.toFixed(1)} s; wasm heap ${r.heapBefore} -> ${r.heapAfter} bytes; live shim objects ${r.objectsBefore} -> ${r.objectsAfter}`);
process.exitCode = r.heapAfter === r.heapBefore && r.objectsAfter === r.objectsBefore ? 0 : 1;
