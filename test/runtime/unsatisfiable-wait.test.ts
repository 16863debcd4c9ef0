// A wait on an event that nothing can set fails at once, records nothing and leaves the runtime
// usable; an event set earlier, or one shared with other Vulkan code, is still waited on.

import { afterAll, beforeAll, expect, test } from 'vitest';
import { Runtime, TaichiError, type AotModule } from '../../src/index.js';
import { fixtureBytes } from '../helpers/fixtures.js';

let rt: Runtime;
let mod: AotModule;
beforeAll(async () => {
  rt = await Runtime.create();
  mod = await rt.loadModule(fixtureBytes('android_fill_matmul.tcm'));
});
afterAll(async () => {
  await rt?.destroy();
});

function refused(fn: () => void): TaichiError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(TaichiError);
  return caught as TaichiError;
}

test('waiting on an event no recorded command sets fails at once, and every later wait, read and destroy works', async () => {
  const never = rt.createEvent();
  const error = refused(() => never.wait());
  expect(error.code).toBe('INVALID_STATE');
  expect(error.detail).toMatch(/could never end/);
  // Signalled then reset before the wait: still nothing sets it.
  never.signal();
  never.reset();
  expect(refused(() => never.wait()).code).toBe('INVALID_STATE');
  const a = rt.ndarray('f32', [4, 4]);
  mod.kernel('fill').launch(a, 2.5);
  await rt.wait();
  expect([...(await a.read())]).toEqual(new Array(16).fill(2.5));
  // Signalled before the wait: the wait is recorded and ends.
  never.signal();
  never.wait();
  mod.kernel('fill').launch(a, 4);
  expect([...(await a.read())]).toEqual(new Array(16).fill(4));
  never.destroy();
  a.free();
});
