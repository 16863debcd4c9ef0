// What the two MPM pages share: the update graph's own kernels (for substep counts that are not
// whole graph launches), the substep controls and readouts, and advancing by whole graphs first.

import type { AotModule, Kernel, Runtime } from '../../src/index.browser.js';
import { numberParam, rateMeter } from './common.js';

/** The update graph of both MPM modules runs 50 substeps. */
export const GRAPH_SUBSTEPS = 50;

/** The module's kernels named by each prefix (AOT kernel names carry a compiler suffix). */
export function kernelsByPrefix(mod: AotModule, prefixes: readonly string[]): Kernel[] {
  return prefixes.map((prefix) => mod.kernel(mod.kernels.find((k) => k.name.startsWith(prefix))!.name));
}

export interface MpmControls {
  /** The substeps to run this frame (0 while paused). */
  substeps(): number;
  /** Reports substeps the GPU has finished, for the rate readout and the browser test. */
  finished(steps: number): void;
}

/** Wires the page's substeps input, pause and reset buttons, particle count and rate readout. */
export function mpmControls(particles: number, reset: () => void): MpmControls {
  const substepsInput = document.querySelector<HTMLInputElement>('#substeps')!;
  substepsInput.value = String(Math.max(0, Math.floor(numberParam('substeps', GRAPH_SUBSTEPS))));
  const pauseButton = document.querySelector<HTMLButtonElement>('#pause')!;
  let paused = false;
  pauseButton.addEventListener('click', () => {
    paused = !paused;
    pauseButton.textContent = paused ? 'Resume' : 'Pause';
  });
  document.querySelector('#reset')!.addEventListener('click', reset);
  document.querySelector('#count')!.textContent = String(particles);
  window.__demo.n = particles;
  window.__demo.substeps = 0;
  const meter = rateMeter(document.querySelector('#rate')!, 'substeps/s');
  return {
    substeps: () => (paused ? 0 : Math.max(0, Math.floor(Number(substepsInput.value) || 0))),
    finished: (steps) => {
      (window.__demo.substeps as number) += steps;
      meter(steps);
    },
  };
}

/** Records `steps` substeps, as many as possible as graph launches, and submits them. */
export function advance(runtime: Runtime, steps: number, graph: () => void, substep: () => void): void {
  let left = steps;
  for (; left >= GRAPH_SUBSTEPS; left -= GRAPH_SUBSTEPS) graph();
  for (; left > 0; left--) substep();
  runtime.flush();
}
