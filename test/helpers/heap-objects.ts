// The JS heap without V8's compiled code: the bytes of every object in a heap snapshot except
// code (machine code, bytecode, deoptimization data, feedback) and what lies outside the heap
// (native: ArrayBuffer contents such as the wasm memory; synthetic: the snapshot's roots). V8 keeps optimizing hot
// functions for a long time, so its code space grows for many thousands of calls, bounded by
// the program's size; what a leak check wants is the data the program keeps.
//
// The snapshot is written to a file and summed in another process, so that parsing it (several
// times the heap's size) changes neither this process's heap nor its RSS.

import v8 from 'node:v8';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SUM = `
const s = JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8'));
const f = s.snapshot.meta.node_fields, types = s.snapshot.meta.node_types[0];
const n = f.length, type = f.indexOf('type'), size = f.indexOf('self_size');
let bytes = 0;
for (let i = 0; i < s.nodes.length; i += n) if (!['code', 'native', 'synthetic'].includes(types[s.nodes[i + type]])) bytes += s.nodes[i + size];
process.stdout.write(String(bytes));
`;

/** Bytes of JS objects other than compiled code, after a full garbage collection. */
export function jsObjectBytes(): number {
  const dir = mkdtempSync(join(tmpdir(), 'tiw-heap-'));
  try {
    const file = v8.writeHeapSnapshot(join(dir, 'heap.heapsnapshot'));
    const r = spawnSync(process.execPath, ['-e', SUM, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const bytes = Number(r.stdout);
    if (r.status !== 0 || !Number.isFinite(bytes)) throw new Error(`summing the heap snapshot failed: ${r.stderr}`);
    return bytes;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
