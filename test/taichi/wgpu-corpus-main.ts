// Runs the differential corpus (test/taichi) under Deno on wgpu with the corpus's own runner
// (test/helpers/corpus-manifest.ts, corpus-run.ts): `deno run --sloppy-imports --allow-read --allow-env=TAICHI_CORPUS_ROOT
// test/taichi/wgpu-corpus-main.ts`. Prints one CorpusOutcome a line, judged by corpus.test.ts beside it.

import { Runtime } from '../../src/index.browser.js';
import { cases, exporters, ROOT } from '../helpers/corpus-manifest.js';
import { ModuleCache, runCase } from '../helpers/corpus-run.js';
import type { CorpusOutcome } from './wgpu-corpus-outcome.js';

const runtime = await Runtime.create();
const modules = new ModuleCache(runtime);
for (const exporter of exporters()) {
  for (const c of cases(exporter)) {
    const outcome: CorpusOutcome = { exporter, id: `${c.group}/${c.name}` };
    try {
      const { compared, mismatches } = await runCase(runtime, modules, c, ROOT);
      outcome.compared = compared;
      outcome.mismatches = mismatches.slice(0, 8);
      outcome.mismatchCount = mismatches.length;
    } catch (e) {
      outcome.error = e instanceof Error ? e.message : String(e);
      outcome.code = (e as { code?: string }).code;
    }
    console.log(JSON.stringify(outcome));
  }
}
await modules.destroy();
await runtime.destroy();
