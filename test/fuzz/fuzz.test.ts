// The quick fuzz run (1,000 cases per target, fixed seeds) and the replay of every input that
// once failed (test/fuzz/regressions/). The long run is `npm run fuzz` (20,000+ per target).

import { afterAll, describe, expect, test } from 'vitest';
import { fileURLToPath } from 'node:url';
import { makeTarget, TARGETS } from './targets.js';
import { runCases, describeFailure, loadRegressions, type Target, type TargetName } from './runner.js';

/** TIW_FUZZ_CASES shortens the run where each case costs more (scripts/sanitize.sh). */
const CASES = Number(process.env.TIW_FUZZ_CASES ?? 1000);
/** API programs are long (module loads, reads): fewer of them in the quick run. */
const CASES_OF: Partial<Record<TargetName, number>> = { api: Math.min(100, CASES) };
/**
 * Limits of one case and of one target's run. The sanitized build (scripts/sanitize.sh) costs
 * several times the CPU of the release build per call: its first full run on the loaded 2-core
 * machine passed cases of 53 to 61 s of CPU (launch) and ran past 400 s for 100 tcm cases.
 */
const SANITIZED = process.env.TIW_SANITIZE !== undefined;
const CASE_LIMIT_MS = SANITIZED ? 180_000 : 30_000;
const TARGET_LIMIT_MS = SANITIZED ? 1_800_000 : 400_000;
const REGRESSIONS = fileURLToPath(new URL('./regressions/', import.meta.url));

describe('fuzz (quick run)', () => {
  const opened: Target[] = [];
  afterAll(async () => {
    for (const t of opened) await t.close();
  });

  for (const name of TARGETS) {
    const cases = CASES_OF[name] ?? CASES;
    test(`${name}: ${cases} cases end in success or an error with a message, and a known-good kernel still runs`, async () => {
      const target = makeTarget(name, true);
      opened.push(target);
      const stats = await runCases(target, { baseSeed: 0x7a1c41, cases, caseLimitMs: CASE_LIMIT_MS, checkEvery: 250 });
      expect(stats.cases).toBe(cases);
      expect(stats.failures.map(describeFailure)).toEqual([]);
      expect(stats.ok + stats.rejected).toBe(cases);
      // About 30 s alone; with the suite's other files sharing two cores, several times that.
    }, TARGET_LIMIT_MS);
  }

  const regressions = loadRegressions(REGRESSIONS);
  test.runIf(regressions.length > 0)(`${regressions.length} stored regression inputs replay without a failure`, async () => {
    const targets = new Map<TargetName, Target>();
    for (const r of regressions) {
      let target = targets.get(r.target);
      if (!target) targets.set(r.target, (target = makeTarget(r.target, true)));
      opened.push(target);
      const outcome = await target.replay(new Uint8Array(Buffer.from(r.input, 'base64')), r.seed);
      expect(outcome.kind === 'failure' ? `${r.file}: ${outcome.reason}` : 'ok', r.mutation).toBe('ok');
    }
    for (const t of targets.values()) if (t.name !== 'spirv') await t.check();
  });
});
