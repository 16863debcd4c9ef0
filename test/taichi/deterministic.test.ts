// Deterministic mode over the differential corpus (docs/deterministic.md). Every case runs on two
// deterministic runtimes, each with its modules loaded afresh (fields start from zero), and must
// give the same bits on both, and stay within its tolerance of Taichi's CPU result. Where
// Taichi's serial CPU run recorded the case (<array>.serial.npy, export_serial.py), the bits are
// compared with it: each case must be where deterministic.json puts it, matching bit for bit or
// differing for the reason it names. Cases that depend on the workgroup are refused at launch
// with the reason listed there; the corpus's own refusals keep their errors.

import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeNpy, Runtime, TaichiError } from '../../src/index.js';
import { ROOT, cases, type CorpusCase } from '../helpers/corpus-manifest.js';
import { ModuleCache, runCase, type CaseResult } from '../helpers/corpus-run.js';

interface Expectations {
  refused: Record<string, string>;
  differsFromSerialCpu: Record<string, 'fma' | 'transcendental'>;
}

const EXPECTED = JSON.parse(readFileSync(new URL('deterministic.json', import.meta.url), 'utf8')) as Expectations;
const CASES = cases('taichi');

interface Run {
  runtime: Runtime;
  modules: ModuleCache;
}
const runs: Run[] = [];

beforeAll(async () => {
  for (let i = 0; i < 2; i++) {
    const runtime = await Runtime.create({ deterministic: true });
    runs.push({ runtime, modules: new ModuleCache(runtime) });
  }
});

afterAll(async () => {
  for (const r of runs) {
    await r.modules.destroy();
    await r.runtime.destroy();
  }
});

async function outcome(run: Run, c: CorpusCase): Promise<{ result?: CaseResult; error?: unknown }> {
  try {
    return { result: await runCase(run.runtime, run.modules, c, ROOT) };
  } catch (error) {
    return { error };
  }
}

function bytesOf(npy: Uint8Array): Uint8Array {
  const a = decodeNpy(npy).data;
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

it('deterministic.json names cases of the corpus', () => {
  const names = new Set(CASES.map((c) => `${c.group}/${c.name}`));
  for (const name of [...Object.keys(EXPECTED.refused), ...Object.keys(EXPECTED.differsFromSerialCpu)]) expect(names.has(name), name).toBe(true);
});

describe('the corpus in deterministic mode', () => {
  for (const c of CASES) {
    const name = `${c.group}/${c.name}`;
    const refusal = EXPECTED.refused[name];
    const corpusRefusal = c.manifest.refused;
    // The first launch compiles the case's pipelines; mpm3D's p2g, whose compare-exchange loops this mode keeps as Taichi wrote them, takes 90 s of CPU on lavapipe with a cold shader cache (docs/corpus.md).
    it(`${name}${refusal ? ' (refused in deterministic mode)' : corpusRefusal ? ' (refused)' : ''}`, { timeout: 600_000 }, async () => {
      const [first, second] = [await outcome(runs[0], c), await outcome(runs[1], c)];
      if (refusal || corpusRefusal) {
        for (const { error } of [first, second]) {
          expect(error, 'the case ran').toBeInstanceOf(TaichiError);
          const e = error as TaichiError;
          if (refusal) {
            expect(e.code).toBe('NOT_SUPPORTED');
            expect(e.message).toContain('cannot run in deterministic mode');
            expect(e.message).toContain(refusal);
          } else {
            expect(e.code).toBe(corpusRefusal!.code);
            expect(e.message).toContain(corpusRefusal!.error);
          }
        }
        return;
      }
      if (first.error) throw first.error;
      if (second.error) throw second.error;
      const [a, b] = [first.result!, second.result!];
      expect(a.mismatches.slice(0, 8), `${a.mismatches.length} of ${a.compared} values differ from Taichi's CPU (${c.manifest.tolerance.why})`).toEqual([]);
      for (const [array, npy] of a.outputs) expect(equalBytes(npy, b.outputs.get(array)!), `${array}: two deterministic runs differ`).toBe(true);

      const serial = [...a.outputs.keys()].map((array) => `${c.dir}/${array}.serial.npy`);
      const recorded = serial.filter((f) => existsSync(f));
      if (c.manifest.oracle !== 'cpu' || c.manifest.compare) {
        // ti.random()'s draws come from each backend's own generator: their bits never match.
        expect(recorded, 'serial CPU results of a case Taichi cannot run on the CPU, or of random draws').toEqual([]);
        return;
      }
      expect(recorded, 'run test/taichi/export_serial.py').toEqual(serial);
      const same = [...a.outputs].every(([array, npy]) => equalBytes(bytesOf(npy), bytesOf(new Uint8Array(readFileSync(`${c.dir}/${array}.serial.npy`)))));
      const reason = EXPECTED.differsFromSerialCpu[name];
      expect(same ? 'matches serial CPU bit for bit' : 'differs from serial CPU', reason ? `listed as differing (${reason})` : 'listed as matching').toBe(
        reason ? 'differs from serial CPU' : 'matches serial CPU bit for bit',
      );
    });
  }
});
