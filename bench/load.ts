// Module load time: runtime.loadModule(bytes) for every fixture module, in ms per MB of .tcm.
// (Translator throughput alone is bench/translate.ts.)
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { closeContext, fixturesDir, isMain, median, now, openContext, readFixture } from './common.js';
import { report, type Cell } from './report.js';
import { isNative, runNative } from './native.js';

const WARM_LOADS = 3;

interface Load {
  name: string;
  bytes: number;
  /** The first load in the process: it compiles the shaders. */
  coldMs?: number;
  /** The process's CPU time (all threads) during the cold load: steadier than coldMs on a busy machine. */
  coldCpuMs?: number;
  /** Median of the later loads, which hit Dawn's in-process shader caches. */
  warmMs?: number;
  error?: string;
  /** Taichi's own runtime loading the same bytes (cold: its first load in a fresh process). */
  nativeColdMs?: number;
  nativeWarmMs?: number;
}

export async function run(): Promise<void> {
  const ctx = await openContext();
  const loads: Load[] = [];
  try {
    for (const name of readdirSync(fixturesDir()).filter((f) => f.endsWith('.tcm')).sort()) {
      const bytes = readFixture(name);
      const times: number[] = [];
      let coldCpuMs: number | undefined;
      let error: string | undefined;
      let names: string[] = [];
      for (let r = 0; r < 1 + WARM_LOADS && !error; r++) {
        const t0 = now();
        const cpu0 = process.cpuUsage();
        try {
          const mod = await ctx.runtime.loadModule(bytes);
          times.push(now() - t0);
          if (r === 0) {
            const cpu = process.cpuUsage(cpu0);
            coldCpuMs = (cpu.user + cpu.system) / 1000;
          }
          names = [...mod.kernels.map((k) => `k:${k.name}`), ...mod.graphs.map((g) => `g:${g.name}`)];
          await mod.destroy();
        } catch (e) {
          error = e instanceof Error ? e.message.split('\n')[0] : String(e);
        }
      }
      const native = error ? { skipped: 'refused' } : runNative('load', join(fixturesDir(), name), WARM_LOADS, ...names);
      const nativeMs = isNative(native) ? { nativeColdMs: native.coldMs as number, nativeWarmMs: native.warmMs as number } : {};
      loads.push({ name, bytes: bytes.length, coldMs: times[0], coldCpuMs, warmMs: times.length > 1 ? median(times.slice(1)) : undefined, error, ...nativeMs });
    }
  } finally {
    await closeContext(ctx);
  }
  const loaded = loads.filter((l) => l.warmMs !== undefined);
  const mb = loaded.reduce((s, l) => s + l.bytes, 0) / 1e6;
  const cold = loaded.reduce((s, l) => s + l.coldMs!, 0);
  const coldCpu = loaded.reduce((s, l) => s + l.coldCpuMs!, 0);
  const warm = loaded.reduce((s, l) => s + l.warmMs!, 0);
  const nativeCold = loaded.reduce((s, l) => s + (l.nativeColdMs ?? NaN), 0);
  const perMb = (ms: number | undefined, l: Load) => (ms === undefined ? '' : ms / (l.bytes / 1e6));
  const rows: Cell[][] = [
    ...loads.map((l): Cell[] => [
      l.name,
      `${(l.bytes / 1024).toFixed(0)} KiB`,
      l.coldMs ?? 'refused',
      perMb(l.coldMs, l),
      l.coldCpuMs ?? '',
      l.nativeColdMs ?? 'skipped',
      l.coldMs !== undefined && l.nativeColdMs ? l.coldMs / l.nativeColdMs : '',
      l.warmMs ?? '',
      l.nativeWarmMs ?? '',
      l.error ?? '',
    ]),
    ['all loadable modules', `${mb.toFixed(2)} MB`, cold, cold / mb, coldCpu, nativeCold, cold / nativeCold, warm, '', ''],
  ];
  report({
    name: 'load',
    adapterKey: ctx.adapterKey,
    adapter: ctx.adapterText,
    title: 'Module load: runtime.loadModule(bytes)',
    notes: [
      'Each load unzips the .tcm, parses its metadata, translates every task and builds its pipelines.',
      `cold = the first load of the module in the process (shader compilation included; modules sharing tasks, like the two mpm3D ones, share the cache); warm = median of ${WARM_LOADS} more loads.`,
      'cold CPU = the process\'s CPU time during the cold load, every thread (Dawn\'s and V8\'s compiler threads) included.',
      'native = Taichi 1.7.4\'s own runtime (libtaichi_c_api) loading the same bytes with ti_create_aot_module, cold in a fresh process of its own; vs native = cold over native cold.',
    ],
    table: { columns: ['module', 'size', 'cold ms', 'cold ms/MB', 'cold CPU ms', 'native cold ms', 'vs native', 'warm ms', 'native warm ms', 'note'], rows },
    chart: { title: `Module load, warm ms per MB of .tcm (${ctx.adapterKey})`, unit: 'ms/MB', bars: loaded.map((l) => ({ label: l.name, value: l.warmMs! / (l.bytes / 1e6) })) },
    data: { loads },
  });
}

if (isMain(import.meta.url)) {
  await run();
  process.exit(0);
}
