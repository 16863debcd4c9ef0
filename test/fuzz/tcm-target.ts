import { Session, checkKnownGood } from '../helpers/session.js';
import { generateTcm, executeTcm, type TcmLimits } from './tcm.js';
import { Rng } from '../helpers/random.js';
import type { Outcome } from '../helpers/outcome.js';
import type { CaseReport, Target } from './runner.js';

export class TcmTarget implements Target {
  readonly name = 'tcm';
  private readonly session = new Session();

  constructor(
    private readonly modules: readonly string[],
    private readonly limits: TcmLimits,
  ) {}

  async run(seed: number): Promise<CaseReport> {
    const c = generateTcm(new Rng(seed), this.modules);
    const start = performance.now();
    const outcome = await executeTcm(await this.session.runtime(), c, seed, this.limits);
    return { target: this.name, seed, mutation: c.mutation, outcome, ms: performance.now() - start, input: c.bytes };
  }

  async replay(input: Uint8Array, seed: number): Promise<Outcome> {
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
