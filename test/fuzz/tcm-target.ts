import { Session, checkKnownGood } from '../helpers/session.js';
import { fixtureBytes } from '../helpers/fixtures.js';
import { generateTcm, executeTcm, type TcmLimits } from './tcm.js';
import { Rng } from '../helpers/random.js';
import type { Outcome } from '../helpers/outcome.js';
import type { CaseReport, Target } from './runner.js';

/** The warm-up's limits: a cold compile of mpm3D's kernels alone takes lavapipe 10 to 30 s of CPU. */
const WARM_LIMITS: TcmLimits = { loadMs: 600_000, runMs: 600_000 };

export class TcmTarget implements Target {
  readonly name = 'tcm';
  private readonly session = new Session();
  private warmed = false;

  constructor(
    private readonly modules: readonly string[],
    private readonly limits: TcmLimits,
  ) {}

  /**
   * Before the first case: every module loaded unmutated and launched once. lavapipe compiles a
   * shader with LLVM at its first dispatch, inside the wait after the launches, and keeps it in
   * Mesa's disk cache; a cold compile of mpm3D's kernels takes 10 to 30 s of CPU, and as much
   * again on the main thread, where Dawn polls meanwhile (outcome.ts). Without this, whichever
   * case first launched a module after a change to the translator paid for it, and two such
   * mpm3D cases ran past the wait's CPU budget (docs/reliability.md, Fuzzing). A case still pays
   * for the shaders its own mutation creates.
   */
  private async warm(): Promise<void> {
    if (this.warmed) return;
    this.warmed = true;
    for (const name of this.modules) {
      const o = await executeTcm(await this.session.runtime(), { bytes: fixtureBytes(name), mutation: 'warm-up' }, 0, WARM_LIMITS);
      if (o.kind === 'failure') throw new Error(`the unmutated ${name} failed in the warm-up: ${o.reason}`);
    }
  }

  async run(seed: number): Promise<CaseReport> {
    await this.warm();
    const c = generateTcm(new Rng(seed), this.modules);
    const start = performance.now();
    const outcome = await executeTcm(await this.session.runtime(), c, seed, this.limits);
    return { target: this.name, seed, mutation: c.mutation, outcome, ms: performance.now() - start, input: c.bytes };
  }

  async replay(input: Uint8Array, seed: number): Promise<Outcome> {
    await this.warm();
    return executeTcm(await this.session.runtime(), { bytes: input, mutation: 'replay' }, seed, this.limits);
  }

  recover(): void {
    this.session.abandon();
  }

  async check(): Promise<void> {
    await checkKnownGood(await this.session.runtime());
  }

  close(): Promise<void> {
    return this.session.close();
  }
}
