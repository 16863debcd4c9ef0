// The differential corpus: every case of every committed exporter (test/taichi/<exporter>/, made
// by export.py from cases/*.py) runs through the public TS API and is compared with that
// exporter's own results. A case listed in known-gaps.json must still fail with its listed
// error (whoever closes the gap deletes the entry); a case with `refused` must fail with that error.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Runtime, TaichiError } from '../../src/index.js';
import { ROOT, cases, exporters, gapFor, knownGaps, type CorpusCase } from '../helpers/corpus-manifest.js';
import { ModuleCache, runCase, type CaseResult } from '../helpers/corpus-run.js';

const gaps = knownGaps();
const found = exporters();

let runtime: Runtime;
let modules: ModuleCache;

beforeAll(async () => {
  runtime = await Runtime.create();
  modules = new ModuleCache(runtime);
});

afterAll(async () => {
  await modules?.destroy();
  await runtime?.destroy();
});

async function outcome(c: CorpusCase): Promise<{ result?: CaseResult; error?: unknown }> {
  try {
    return { result: await runCase(runtime, modules, c, ROOT) };
  } catch (error) {
    return { error };
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

it('the corpus has cases of at least one exporter', () => {
  expect(found.length).toBeGreaterThan(0);
  for (const e of found) expect(cases(e).length, e).toBeGreaterThan(0);
});

it('every known gap names a case of the corpus', () => {
  const all = found.flatMap((e) => cases(e));
  for (const g of gaps) {
    expect(all.some((c) => `${c.group}/${c.name}` === g.case && (g.exporter === undefined || g.exporter === c.exporter)), g.case).toBe(true);
  }
});

for (const exporter of found) {
  describe(exporter, () => {
    for (const c of cases(exporter)) {
      const gap = gapFor(c, gaps);
      const refused = c.manifest.refused;
      const title = `${c.group}/${c.name}${gap ? ` (known gap: issue ${gap.issue}, ${gap.owner})` : refused ? ' (refused)' : ''}`;
      // A case's first launch compiles its pipelines: on lavapipe with a cold shader cache,
      // mpm3D's p2g (108 f32 atomic compare-exchange loops) alone takes 30 to 45 s of CPU (docs/corpus.md).
      it(title, { timeout: 600_000 }, async () => {
        const { result, error } = await outcome(c);
        if (gap || refused) {
          expect(error, 'the case ran; delete its entry from known-gaps.json (or its refusal)').toBeDefined();
          expect(message(error)).toContain(gap ? gap.error : refused!.error);
          if (refused) expect((error as TaichiError).code).toBe(refused.code);
          return;
        }
        if (error) throw error;
        expect(result!.compared).toBeGreaterThan(0);
        expect(result!.mismatches.slice(0, 8), `${result!.mismatches.length} of ${result!.compared} values differ (${c.manifest.tolerance.why})`).toEqual([]);
      });
    }
  });
}
