// One runtime shared by the cases of a run, replaced when a case leaves it unusable (a trap, a
// hang), plus the known-good check: fill from android_fill_matmul.tcm must still be right.

import { Runtime } from '../../src/runtime.js';
import { fixtureBytes } from './fixtures.js';
import { withTimeout } from './outcome.js';

export class Session {
  private current: Runtime | undefined;
  /** Runtimes abandoned after a trap or a hang (they cannot be destroyed). */
  abandoned = 0;

  async runtime(): Promise<Runtime> {
    this.current ??= await Runtime.create();
    return this.current;
  }

  /** Drops the runtime without touching it again (its wasm instance may be dead or suspended). */
  abandon(): void {
    if (this.current) this.abandoned++;
    this.current = undefined;
  }

  async close(): Promise<void> {
    const rt = this.current;
    this.current = undefined;
    await rt?.destroy();
  }
}

/** Runs fill on a 16x16 ndarray and checks every element; throws an Error when wrong. */
export async function checkKnownGood(rt: Runtime, limitMs = 60_000): Promise<void> {
  const mod = await withTimeout(rt.loadModule(fixtureBytes('android_fill_matmul.tcm')), limitMs, 'known-good load');
  const a = rt.ndarray('f32', [16, 16], { hostWrite: true, hostRead: true });
  try {
    a.write(new Float32Array(256).fill(-1));
    mod.kernel('fill').launch(a, 6.5);
    const out = await withTimeout(a.read(), limitMs, 'known-good read');
    const bad = out.findIndex((x) => x !== 6.5);
    if (bad >= 0) throw new Error(`known-good fill: element ${bad} is ${out[bad]}, not 6.5`);
  } finally {
    a.free();
    await mod.destroy();
  }
}
