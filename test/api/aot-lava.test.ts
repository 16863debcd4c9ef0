// lava_flow.tcm (Taichi 1.7.0): every kernel of the lava-flow cellular model on a 64x64 grid,
// in the order a simulation step calls them. Each result is checked on the CPU: finiteness and
// bounds, plus what the model's structure fixes exactly (flux antisymmetry, the time-step
// formula, the global minimum, volume conservation, copies).

import { describe, expect, test } from 'vitest';
import type { NdArray } from '../../src/index.js';
import { firstNonFinite, fixture, sum, useRuntime } from '../helpers/aot.js';

const runtime = useRuntime();
const G = 64;
const f = Math.fround;

// The 8-neighbourhood: N, S, E, W, NE, NW, SE, SW, and the index of each one's opposite.
const ROWS = [1, -1, 0, 0, 1, 1, -1, -1];
const COLS = [0, 0, 1, -1, 1, -1, 1, -1];
const OPPOSITE = [1, 0, 3, 2, 7, 6, 5, 4];
const CODES = [1, 2, 4, 8, 16, 32, 64, 128];
const DISTANCES = ROWS.map((r, n) => Math.hypot(r, COLS[n]));

// Physical parameters in SI units (basaltic lava on 10 m cells).
const P = {
  cellSize: 10,
  cellArea: 100,
  qualityTolerance: 1,
  fluxHeightMin: 0.1,
  deltaTotalHeightMin: 0.001,
  deltaTotalHeightMax: 0.1,
  density: 2600,
  gravity: 9.81,
  h2o: 0.06,
  deltaTimeC: 0.2,
  maxDeltaTime: 10,
  ambient: 300,
  maxTemperature: 1400,
  solidification: 1173,
  cV: 1150,
  emissivity: 0.9,
  coolingFactor: 1,
  sigma: 5.67e-8,
  radiationHeightMin: 0.1,
};

const at = (i: number, k: number) => i * G + k;
const inGrid = (i: number, k: number) => i >= 0 && k >= 0 && i < G && k < G;

function expectClose(actual: number, expected: number, relative: number, what: string): void {
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(relative * Math.max(Math.abs(expected), 1e-6));
}

describe('lava_flow.tcm', () => {
  test('one step of every kernel on a 64x64 grid', async () => {
    const rt = runtime();
    const mod = await rt.loadModule(fixture('lava_flow.tcm'));
    const arrays: NdArray[] = [];
    const nd = <D extends 'f32' | 'i32'>(dtype: D, shape: number[], values?: Float32Array | Int32Array | readonly number[]): NdArray<D> => {
      const a = rt.ndarray(dtype, shape, { hostWrite: values !== undefined });
      if (values) (a as NdArray).write(values);
      arrays.push(a);
      return a;
    };
    try {
      // A plane sloping down along i with a ripple along k; a 2 m thick, 1300 K flow in a disc
      // around the centre on a 5 cm film everywhere else; one cooler (1000 K) corner.
      const dem = Float32Array.from({ length: G * G }, (_, c) => 100 - 0.2 * Math.floor(c / G) + 0.1 * Math.sin((c % G) * 0.3));
      const thick0 = Float32Array.from({ length: G * G }, (_, c) => (Math.hypot(Math.floor(c / G) - 32, (c % G) - 32) <= 10 ? 2 : 0.05));
      const temp0 = Float32Array.from({ length: G * G }, (_, c) => (Math.floor(c / G) < 8 && c % G < 8 ? 1000 : 1300));
      const heat0 = Float32Array.from({ length: G * G }, (_, c) => P.density * P.cV * thick0[c] * P.cellArea * temp0[c]);

      const flux = nd('f32', [G, G, 8]);
      const demElev = nd('f32', [G, G], dem);
      const solid = nd('f32', [G, G], new Float32Array(G * G));
      const thickness = nd('f32', [G, G], thick0);
      const temperature = nd('f32', [G, G], temp0);
      const newTemperature = nd('f32', [G, G]);
      const heat = nd('f32', [G, G], heat0);
      const deltaTime = nd('f32', [G, G]);
      const rows = nd('i32', [8], ROWS);
      const cols = nd('i32', [8], COLS);
      const codes = nd('i32', [8], CODES);
      const distances = nd('f32', [8], DISTANCES);

      // computeFluxTransfers: q from each cell towards each neighbour (negative = outflow).
      mod.kernel('computeFluxTransfers').launch(flux, demElev, solid, thickness, temperature, rows, cols, distances, G, P.cellSize, P.qualityTolerance,
        P.fluxHeightMin, P.deltaTotalHeightMin, P.deltaTotalHeightMax, P.density, P.gravity, P.h2o);
      const q = await flux.read();
      expect(firstNonFinite(q)).toBe(-1);
      let flowing = 0;
      for (let i = 0; i < G; i++) {
        for (let k = 0; k < G; k++) {
          for (let n = 0; n < 8; n++) {
            const [ni, nk] = [i + ROWS[n], k + COLS[n]];
            const value = q[at(i, k) * 8 + n];
            if (!inGrid(ni, nk)) {
              expect(value).toBe(0);
              continue;
            }
            // What leaves one cell enters its neighbour: the model conserves volume.
            expectClose(value, -q[at(ni, nk) * 8 + OPPOSITE[n]], 1e-6, `flux ${i},${k},${n}`);
            // Only a cell thicker than the minimum can be the source.
            if (thick0[at(i, k)] <= P.fluxHeightMin && thick0[at(ni, nk)] <= P.fluxHeightMin) expect(value).toBe(0);
            if (value !== 0) flowing++;
          }
        }
      }
      expect(flowing).toBeGreaterThan(100);

      // computeTimeSteps: c h A / |sum q| for a thick cell losing lava, else the maximum.
      mod.kernel('computeTimeSteps').launch(flux, thickness, deltaTime, P.deltaTimeC, P.cellArea, P.maxDeltaTime, P.fluxHeightMin);
      const dt = await deltaTime.read();
      const qTotal = (c: number) => {
        let s = 0;
        for (let n = 0; n < 8; n++) s = f(s + q[c * 8 + n]);
        return s;
      };
      for (let c = 0; c < G * G; c++) {
        const total = qTotal(c);
        const expected = total < 0 && thick0[c] > P.fluxHeightMin ? (P.deltaTimeC * thick0[c] * P.cellArea) / Math.abs(total) : P.maxDeltaTime;
        expectClose(dt[c], expected, 1e-5, `delta_time ${c}`);
      }

      // computeGlobalTimeStep: delta_time[0, 0] becomes the minimum over the grid.
      mod.kernel('computeGlobalTimeStep').launch(deltaTime, P.maxDeltaTime);
      const dtAfter = await deltaTime.read();
      const globalDt = dt.reduce((a, b) => Math.min(a, b), P.maxDeltaTime);
      expect(dtAfter[0]).toBe(globalDt);
      expect(dtAfter.subarray(1)).toEqual(dt.subarray(1));
      expect(globalDt).toBeGreaterThan(0);
      expect(globalDt).toBeLessThan(P.maxDeltaTime);

      // computeNewLavaThickness: h += sum(q) dt / A, floored at 0; the total volume is kept.
      mod.kernel('computeNewLavaThickness').launch(flux, thickness, globalDt, P.cellArea);
      const thick1 = await thickness.read();
      for (let c = 0; c < G * G; c++) {
        expectClose(thick1[c], Math.max(0, thick0[c] + (qTotal(c) * globalDt) / P.cellArea), 1e-5, `thickness ${c}`);
      }
      expectClose(sum(thick1), sum(thick0), 1e-5, 'total volume');

      // computeHeatRadiationLoss: heat moves with the flux and radiates; the new temperature is
      // clamped to [ambient, max] and the heat stays non-negative.
      mod.kernel('computeHeatRadiationLoss').launch(flux, thickness, temperature, newTemperature, heat, rows, cols, globalDt, P.density, P.ambient,
        P.maxTemperature, P.cV, P.emissivity, P.coolingFactor, P.cellArea, P.sigma, P.radiationHeightMin);
      const [heat1, newTemp] = [await heat.read(), await newTemperature.read()];
      expect(firstNonFinite(heat1)).toBe(-1);
      expect(heat1.every((x) => x >= 0)).toBe(true);
      expect(newTemp.every((x) => x >= P.ambient && x <= P.maxTemperature)).toBe(true);
      // A cell far from the flow neither gains nor radiates (its film is below the minimum).
      expectClose(newTemp[at(60, 60)], 1300, 1e-5, 'quiet cell temperature');

      // updateTemperature copies new_temperature into temperature.
      mod.kernel('updateTemperature').launch(temperature, newTemperature);
      const temp1 = await temperature.read();
      expect(temp1).toEqual(newTemp);

      // computeLavaSolidification: cells below the solidification temperature turn some lava
      // into solid lava; lava + solid stays the same in every cell.
      mod.kernel('computeLavaSolidification').launch(solid, thickness, temperature, heat, P.ambient, P.solidification, P.maxTemperature, P.emissivity,
        P.sigma, P.density, P.cV, P.cellArea, globalDt);
      const [solid2, thick2, temp2] = [await solid.read(), await thickness.read(), await temperature.read()];
      let solidified = 0;
      for (let c = 0; c < G * G; c++) {
        expectClose(solid2[c] + thick2[c], thick1[c], 1e-5, `lava + solid ${c}`);
        expect(thick2[c]).toBeGreaterThanOrEqual(0);
        expect(temp2[c] >= P.ambient && temp2[c] <= P.maxTemperature).toBe(true);
        if (temp1[c] < P.solidification) {
          expect(solid2[c]).toBeGreaterThan(0);
          solidified++;
        } else {
          expect(solid2[c]).toBe(0);
        }
      }
      expect(solidified).toBeGreaterThanOrEqual(64); // the cool corner

      // distribute: every cell thicker than the residual sends (h - residual) * c_factor to its
      // lower neighbours, weighted by slope; the lava on the grid is conserved.
      const residual = 0.5;
      const cFactor = 0.5;
      const eff = Float32Array.from(dem, (d, c) => f(d + thick0[c]));
      const effElev = nd('f32', [G, G], eff);
      const newEffElev = nd('f32', [G, G], eff);
      const parentCodes = nd('i32', [G, G], new Int32Array(G * G));
      const listElevDiff = nd('f32', [G, G, 8]);
      const listRow = nd('f32', [G, G, 8]);
      const listCol = nd('f32', [G, G, 8]);
      const listCounter = nd('i32', [G, G], new Int32Array(G * G));
      mod.kernel('distribute').launch(residual, effElev, demElev, parentCodes, rows, cols, codes, distances, listElevDiff, listRow, listCol, listCounter,
        cFactor, newEffElev);
      const [newEff, counter] = [await newEffElev.read(), await listCounter.read()];
      expect(firstNonFinite(newEff)).toBe(-1);
      for (let i = 0; i < G; i++) {
        for (let k = 0; k < G; k++) {
          const active = (eff[at(i, k)] - dem[at(i, k)] - residual) * cFactor > 0;
          const lower = () => ROWS.filter((r, n) => eff[at(i, k)] > eff[at(i + r, k + COLS[n])]).length;
          expect(counter[at(i, k)], `neighbour count ${i},${k}`).toBe(active ? lower() : 0);
        }
      }
      const lava = (e: Float32Array) => sum(e.map((x, c) => x - dem[c]));
      expectClose(lava(newEff), lava(eff), 1e-4, 'distributed lava');
      expect(newEff).not.toEqual(eff);

      // updateEffElev copies new_eff_elev into eff_elev.
      mod.kernel('updateEffElev').launch(effElev, newEffElev);
      expect(await effElev.read()).toEqual(newEff);
    } finally {
      for (const a of arrays) a.free();
      await mod.destroy();
    }
  });
});
