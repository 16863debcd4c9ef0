import { currentPlatform } from '../../src/platform/index.js';
import { allSpirvTasks } from '../helpers/fixtures.js';
import { generateSpirv, executeSpirv } from './spirv.js';
import { Rng } from '../helpers/random.js';
import type { Outcome } from '../helpers/outcome.js';
import type { CaseReport, Target } from './runner.js';

/** Translation only, except every `pipelineEvery`-th case that translates: that one is built in Dawn too. */
export class SpirvTarget implements Target {
  readonly name = 'spirv';
  private readonly tasks = allSpirvTasks();
  private device: GPUDevice | undefined;
  private translated = 0;
  built = 0;
  /** WGSL Dawn refused (the translator accepted damaged SPIR-V it could have refused). */
  dawnRejected = 0;

  constructor(private readonly pipelineEvery: number) {}

  private async gpu(): Promise<GPUDevice> {
    if (!this.device) {
      // The platform's one Dawn instance: a second one in a process is not safe.
      const adapter = await (await (await currentPlatform()).gpu()).requestAdapter();
      if (!adapter) throw new Error('no WebGPU adapter');
      this.device = await adapter.requestDevice();
    }
    return this.device;
  }

  async run(seed: number): Promise<CaseReport> {
    const c = generateSpirv(new Rng(seed), this.tasks);
    const start = performance.now();
    const r = await executeSpirv(c, undefined);
    let outcome = r.outcome;
    if (r.translated && ++this.translated % this.pipelineEvery === 0) {
      const built = await executeSpirv(c, await this.gpu());
      outcome = built.outcome;
      this.built++;
      if (built.dawnRejected) this.dawnRejected++;
    }
    const input = new Uint8Array(c.words.buffer, c.words.byteOffset, c.words.byteLength);
    return { target: this.name, seed, mutation: c.mutation, outcome, ms: performance.now() - start, input: new Uint8Array(input) };
  }

  async replay(input: Uint8Array): Promise<Outcome> {
    const words = new Uint32Array(input.length >> 2);
    new Uint8Array(words.buffer).set(input.subarray(0, words.length * 4));
    return (await executeSpirv({ words, mutation: 'replay' }, await this.gpu())).outcome;
  }

  recover(): void {}

  async check(): Promise<void> {}

  async close(): Promise<void> {
    this.device?.destroy();
    this.device = undefined;
  }
}
