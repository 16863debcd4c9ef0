// The differential corpus (test/taichi) on wgpu: corpus-main.ts runs every case under Deno with
// the corpus's own runner, and each is judged here as test/taichi/corpus.test.ts judges it on
// Dawn, against the same expected .npy data. One difference is a rule, not a result: a known gap
// may instead run and match there (docs/deno.md: wgpu does not refuse aliased writable bindings).

import { beforeAll, describe, expect, it } from 'vitest';
import { cases, exporters, gapFor, knownGaps } from '../helpers/corpus-manifest.js';
import { denoRun, jsonLines } from '../../scripts/deno.js';
import type { CorpusOutcome } from './wgpu-corpus-outcome.js';

const gaps = knownGaps();
const outcomes = new Map<string, CorpusOutcome>();

beforeAll(async () => {
  const { stdout } = await denoRun('test/taichi/wgpu-corpus-main.ts', [], 600_000, ['--allow-env=TAICHI_CORPUS_ROOT']);
  for (const o of jsonLines<CorpusOutcome>(stdout)) outcomes.set(`${o.exporter} ${o.id}`, o);
}, 600_000);

for (const exporter of exporters()) {
  describe(`${exporter} on wgpu (Deno)`, () => {
    for (const c of cases(exporter)) {
      const gap = gapFor(c, gaps);
      const refused = c.manifest.refused;
      it(`${c.group}/${c.name}${refused ? ' (refused)' : ''}`, () => {
        const o = outcomes.get(`${exporter} ${c.group}/${c.name}`);
        expect(o, 'Deno reported no outcome').toBeDefined();
        if (refused) {
          expect(o!.error, 'the case ran but must be refused').toBeDefined();
          expect(o!.error).toContain(refused.error);
          expect(o!.code).toBe(refused.code);
          return;
        }
        if (o!.error !== undefined && gap) {
          expect(o!.error).toContain(gap.error);
          return;
        }
        expect(o!.error).toBeUndefined();
        expect(o!.compared).toBeGreaterThan(0);
        expect(o!.mismatches, `${o!.mismatchCount} of ${o!.compared} values differ (${c.manifest.tolerance.why})`).toEqual([]);
      });
    }
  });
}
