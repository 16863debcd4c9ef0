// Device loss: a runtime on a caller's GPUDevice that is then destroyed turns every later call
// into INVALID_STATE "device lost" without hanging a wait, and a new runtime can be created.

import { expect, test } from 'vitest';
import { Runtime, TaichiError } from '../../src/index.js';
import { adapter } from '../helpers/gpu.js';
import { fixtureBytes } from '../helpers/fixtures.js';
import { checkKnownGood } from '../helpers/session.js';
import { withTimeout } from '../helpers/outcome.js';

async function expectDeviceLost(what: string, fn: () => unknown): Promise<void> {
  let caught: unknown;
  try {
    await withTimeout(Promise.resolve().then(fn), 20_000, what);
  } catch (e) {
    caught = e;
  }
  expect(caught, `${what} should fail`).toBeInstanceOf(TaichiError);
  const e = caught as TaichiError;
  expect(e.code, `${what}: ${e.message}`).toBe('INVALID_STATE');
  expect(e.message, what).toMatch(/device lost/i);
}

test('after device.destroy(), every call answers INVALID_STATE "device lost", waits return, and a new runtime works', async () => {
  const { adapter: a } = await adapter();
  const device = await a.requestDevice({ requiredLimits: { maxStorageBuffersPerShaderStage: a.limits.maxStorageBuffersPerShaderStage } });
  const rt = await Runtime.create({ device });
  const mod = await rt.loadModule(fixtureBytes('android_fill_matmul.tcm'));
  const nd = rt.ndarray('f32', [8, 8], { hostWrite: true, hostRead: true });
  const fill = mod.kernel('fill');
  fill.launch(nd, 1);
  await rt.wait();

  fill.launch(nd, 2); // submitted at once, before the loss: it never completes
  fill.launch(nd, 3);
  fill.launch(nd, 4); // recorded before the loss, submitted after it
  device.destroy();
  await device.lost;

  await expectDeviceLost('wait', () => rt.wait());
  await expectDeviceLost('allocateMemory', () => rt.allocateMemory({ size: 64 }));
  await expectDeviceLost('launch', () => {
    fill.launch(nd, 3);
    return rt.wait();
  });
  await expectDeviceLost('loadModule', () => rt.loadModule(fixtureBytes('fractal.kernel.tcm')));
  await expectDeviceLost('read', () => nd.read());
  // ti_flush with nothing recorded has nothing to submit, so it succeeds even now.
  rt.flush();
  // Tearing down still completes (nothing to wait for on a lost device).
  await withTimeout(rt.destroy(), 20_000, 'destroy');

  const fresh = await Runtime.create();
  try {
    await checkKnownGood(fresh);
  } finally {
    await fresh.destroy();
  }
});
