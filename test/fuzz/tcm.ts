// The .tcm target: real modules with their JSON, entries and bytes mutated, loaded through
// runtime.loadModule(bytes); a module that loads is launched with generated arguments.

import { zipSync } from 'fflate';
import { crc32, deflateRawSync } from 'node:zlib';
import { ARCHIVE_LIMITS } from '../../src/archive.js';
import type { Runtime } from '../../src/runtime.js';
import type { NdArray } from '../../src/ndarray.js';
import { writeZip, type ZipEntry } from '../helpers/zip.js';
import { mutateJson } from './json-mutate.js';
import { moduleFiles } from '../helpers/fixtures.js';
import { argumentsFor } from './args.js';
import { judge, withTimeout, type Outcome } from '../helpers/outcome.js';
import { Rng } from '../helpers/random.js';

export interface TcmCase {
  bytes: Uint8Array;
  mutation: string;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

function base(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

/** Flips, overwrites, inserts or deletes a few bytes. */
function mutateBytes(bytes: Uint8Array, rng: Rng): { bytes: Uint8Array; what: string } {
  const b = new Uint8Array(bytes);
  if (b.length === 0) return { bytes: b, what: 'empty' };
  const op = rng.int(5);
  if (op === 0) {
    const n = rng.range(1, 16);
    for (let i = 0; i < n; i++) b[rng.int(b.length)] ^= 1 << rng.int(8);
    return { bytes: b, what: `${n} bit flips` };
  }
  if (op === 1) {
    const n = rng.range(1, 8);
    for (let i = 0; i < n; i++) b[rng.int(b.length)] = rng.pick([0, 0xff, 0x7f, 0x80, 0x22, 0x5b, 0x7b, 0x2d, 0x39, rng.int(256)]);
    return { bytes: b, what: `${n} bytes overwritten` };
  }
  if (op === 2) {
    const at = rng.int(b.length + 1);
    return { bytes: b.subarray(0, at), what: `truncated to ${at} of ${b.length} bytes` };
  }
  if (op === 3) {
    const at = rng.int(b.length);
    const n = rng.range(1, 64);
    const out = new Uint8Array(b.length + n);
    out.set(b.subarray(0, at));
    for (let i = 0; i < n; i++) out[at + i] = rng.int(256);
    out.set(b.subarray(at), at + n);
    return { bytes: out, what: `${n} random bytes inserted at ${at}` };
  }
  const at = rng.int(b.length);
  const n = Math.min(rng.range(1, 64), b.length - at);
  const out = new Uint8Array(b.length - n);
  out.set(b.subarray(0, at));
  out.set(b.subarray(at + n), at);
  return { bytes: out, what: `${n} bytes deleted at ${at}` };
}

/** SPIR-V words of one entry disturbed (the spirv target does this in depth). */
function mutateSpirvEntry(data: Uint8Array, rng: Rng): { data: Uint8Array; what: string } {
  const out = new Uint8Array(data);
  const words = Math.floor(out.length / 4);
  if (words === 0) return { data: out, what: 'empty spv' };
  const view = new DataView(out.buffer);
  const n = rng.range(1, 4);
  for (let i = 0; i < n; i++) view.setUint32(4 * rng.int(words), rng.chance(0.5) ? rng.u32() : rng.edgeInt() >>> 0, true);
  return { data: out, what: `${n} spv words replaced` };
}

/** Zeros deflated, by size: bodies that inflate past a limit from a few kilobytes. */
const bombs = new Map<number, { deflated: Uint8Array; crc: number }>();
function bomb(size: number): { deflated: Uint8Array; crc: number } {
  let b = bombs.get(size);
  if (!b) {
    const zeros = new Uint8Array(size);
    bombs.set(size, (b = { deflated: deflateRawSync(zeros), crc: crc32(zeros) >>> 0 }));
  }
  return b;
}

export function generateTcm(rng: Rng, modules: readonly string[]): TcmCase {
  const name = rng.pick(modules);
  const entries: ZipEntry[] = moduleFiles(name).entries.map((e) => ({ name: e.name, data: e.data }));
  const what: string[] = [name];
  let plain = true;
  const ops = rng.range(1, 3);
  for (let i = 0; i < ops; i++) {
    const r = rng.int(24);
    if (r < 9) {
      const file = rng.chance(0.75) || !entries.some((e) => base(e.name) === 'graphs.json') ? 'metadata.json' : 'graphs.json';
      const e = entries.find((x) => base(x.name) === file);
      if (!e) continue;
      const m = mutateJson(dec.decode(e.data), rng);
      e.data = enc.encode(m.text);
      what.push(`${file}: ${m.what}`);
    } else if (r === 9 && entries.length > 0) {
      const [gone] = entries.splice(rng.int(entries.length), 1);
      what.push(`drop ${gone.name}`);
    } else if (r === 10 && entries.length > 0) {
      // A repeated name, with the same or another entry's contents (or a mutated copy).
      const e = rng.pick(entries);
      const from = rng.pick(entries);
      const data = base(e.name).endsWith('.json') && rng.chance(0.5) ? enc.encode(mutateJson(dec.decode(e.data), rng).text) : from.data;
      entries.splice(rng.int(entries.length + 1), 0, { name: e.name, data });
      what.push(`repeat ${e.name} (contents of ${from.name})`);
      plain = false;
    } else if (r === 11) {
      for (let j = entries.length - 1; j > 0; j--) {
        const k = rng.int(j + 1);
        [entries[j], entries[k]] = [entries[k], entries[j]];
      }
      what.push('shuffle entries');
    } else if (r === 12 && entries.length > 0) {
      const e = rng.pick(entries);
      const to = rng.pick(['metadata.json', 'graphs.json', 'metadata.tcb', 'graphs.tcb', '', '/', 'dir/' + e.name, e.name + '.spv', 'x'.repeat(rng.range(1, 5000)), rng.pick(entries).name]);
      what.push(`rename ${e.name} to '${to.length > 40 ? to.slice(0, 40) + '...' : to}'`);
      e.name = to;
      plain = false;
    } else if (r === 13 && entries.length > 0) {
      const e = rng.pick(entries);
      e.data = new Uint8Array(0);
      what.push(`empty ${e.name}`);
    } else if (r === 14) {
      const spvs = entries.filter((e) => e.name.endsWith('.spv'));
      if (spvs.length === 0) continue;
      const e = rng.pick(spvs);
      const m = mutateSpirvEntry(e.data, rng);
      e.data = m.data;
      what.push(`${e.name}: ${m.what}`);
    } else if (r === 15 && entries.length > 0) {
      const e = rng.pick(entries);
      e.declaredSize = rng.pick([0xffffffff, 0x80000000, 0x40000001, e.data.length + 1, 0]);
      what.push(`${e.name} declares ${e.declaredSize} bytes`);
      plain = false;
    } else if (r === 16 && entries.length > 0) {
      const e = rng.pick(entries);
      e.storedSize = rng.pick([0xffffffff, e.data.length + 1, Math.max(0, e.data.length - 1), 0]);
      what.push(`${e.name} stores ${e.storedSize} bytes`);
      plain = false;
    } else if (r === 17) {
      const e = rng.pick(entries.filter((x) => base(x.name).endsWith('.json')).concat(entries)) ?? entries[0];
      if (!e) continue;
      const m = mutateBytes(e.data, rng);
      e.data = m.bytes;
      what.push(`${e.name}: ${m.what}`);
    } else if (r === 20) {
      // An entry that inflates past a limit, honestly declared or behind a lying central directory.
      const size = rng.pick([ARCHIVE_LIMITS.entryBytes + 4096, ARCHIVE_LIMITS.jsonBytes + 4096, 8 << 20, 1 << 20]);
      const declared = rng.pick([size, 1000, 0, size - 1, 0xffffffff]);
      const name = rng.pick(['padding.bin', 'graphs.json', 'metadata.json', ...entries.map((e) => e.name)]);
      entries.splice(rng.int(entries.length + 1), 0, { name, data: new Uint8Array(0), ...bomb(size), declaredSize: declared });
      what.push(`${name}: ${size} bytes deflated, declared ${declared}`);
      plain = false;
    } else if (r === 21) {
      const meta = entries.find((x) => base(x.name) === 'metadata.json');
      if (!meta) continue;
      const folder = rng.pick(['a/', 'module/', 'x/y/']);
      entries.push({ name: folder + 'metadata.json', data: rng.chance(0.5) ? meta.data : enc.encode(mutateJson(dec.decode(meta.data), rng).text) });
      what.push(`a second metadata.json in ${folder}`);
      plain = false;
    } else if (r === 22 && entries.length > 0) {
      const e = rng.pick(entries);
      e.crc = rng.u32();
      what.push(`${e.name}: CRC-32 replaced`);
      plain = false;
    } else if (r === 23) {
      // Metadata a module may not declare: a kernel name twice, a root buffer past any device.
      const e = entries.find((x) => base(x.name) === 'metadata.json');
      if (!e) continue;
      let meta: { kernels?: unknown[]; root_buffer_size?: number };
      try {
        meta = JSON.parse(dec.decode(e.data)) as typeof meta;
        // Earlier mutations may nest deeper than JSON.stringify recurses: leave such a file be.
        JSON.stringify(meta);
      } catch {
        continue;
      }
      if (rng.chance(0.5) && Array.isArray(meta.kernels) && meta.kernels.length > 0) {
        meta.kernels.push(rng.pick(meta.kernels));
        what.push('metadata.json: a kernel declared twice');
      } else {
        meta.root_buffer_size = rng.pick([2 ** 31, 2 ** 32 - 4, 2 ** 32]);
        what.push(`metadata.json: root_buffer_size ${meta.root_buffer_size}`);
      }
      e.data = enc.encode(JSON.stringify(meta));
    } else {
      const e = entries.find((x) => base(x.name) === 'metadata.json');
      if (!e) continue;
      const m = mutateJson(dec.decode(e.data), rng);
      e.data = enc.encode(m.text);
      what.push(`metadata.json: ${m.what}`);
    }
  }
  let bytes: Uint8Array;
  if (plain && rng.chance(0.15)) {
    const files: Record<string, Uint8Array> = {};
    for (const e of entries) files[e.name] = e.data;
    bytes = zipSync(files, { level: 6 });
    what.push('deflated');
  } else {
    bytes = writeZip(entries);
  }
  if (rng.chance(0.25)) {
    const m = mutateBytes(bytes, rng);
    bytes = m.bytes;
    what.push(`archive: ${m.what}`);
  }
  return { bytes, mutation: what.join('; ') };
}

export interface TcmLimits {
  loadMs: number;
  runMs: number;
}

/**
 * Loads the case and, when it loads, launches every kernel and graph with generated arguments.
 * Returns the first failure, or how the load ended.
 */
export async function executeTcm(rt: Runtime, c: TcmCase, seed: number, limits: TcmLimits): Promise<Outcome> {
  let mod;
  try {
    mod = await withTimeout(rt.loadModule(c.bytes), limits.loadMs, 'loadModule');
  } catch (e) {
    return judge(e);
  }
  const rng = new Rng(seed ^ 0x5bd1e995);
  const made: NdArray[] = [];
  let first: Outcome | undefined;
  const note = (o: Outcome): void => {
    if (o.kind === 'failure') first ??= o;
  };
  const attempt = async (fn: () => unknown): Promise<void> => {
    try {
      await fn();
    } catch (e) {
      note(judge(e));
    }
  };
  for (const k of mod.kernels) {
    if (first) break;
    await attempt(() => mod.kernel(k.name).launch(...argumentsFor(rt, k.args, rng, made)));
  }
  for (const g of mod.graphs) {
    if (first) break;
    await attempt(() => {
      const values = argumentsFor(rt, g.args, rng, made);
      mod.graph(g.name).launch(Object.fromEntries(g.args.map((a, i) => [a.name, values[i]])));
    });
  }
  if (!first) await attempt(() => withTimeout(rt.wait(), limits.runMs, 'wait after launches'));
  if (!first) {
    for (const nd of made) if (!nd.memory.isFreed) await attempt(() => nd.free());
    await attempt(() => withTimeout(mod.destroy(), limits.runMs, 'module destroy'));
  }
  return first ?? { kind: 'ok' };
}
