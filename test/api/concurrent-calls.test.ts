// Calls made concurrently on one runtime (as browser code does: un-awaited loads, reads in
// parallel, launches while a read waits) are queued, not refused, and see what the same calls
// made one after another would; destroy() settles whatever is pending and frees everything.

import { expect, test } from 'vitest';
import { Runtime, TaichiError } from '../../src/index.js';
import { fixtureBytes } from '../helpers/fixtures.js';
import { Rng } from '../helpers/random.js';

const FILL = fixtureBytes('android_fill_matmul.tcm');

test('launches and reads made while a module destroy waits are neither lost nor run on recycled fences', async () => {
  // The api fuzzer's case api-224c6ee6: the destroy's wait resumed after these calls and took a
  // submission still in flight for finished, recycling its fence and command buffer (a read saw
  // 0, later submissions failed with "fence is already signalled or in use"). Timing decides
  // whether it shows, so a few fresh runtimes try it.
  for (let round = 0; round < 4; round++) {
    const rt = await Runtime.create();
    try {
      const nd = rt.ndarray('f32', [4, 4], { hostRead: true });
      const first = await rt.loadModule(FILL);
      const next = rt.loadModule(FILL);
      const destroyed = first.destroy();
      const second = await next;
      const before = [nd.read(), nd.read()];
      second.kernel('fill').launch(nd, 100 + round);
      const after = nd.read();
      await destroyed;
      await Promise.all(before);
      expect([...(await after)], `round ${round}`).toEqual(new Array(16).fill(100 + round));
      await second.destroy();
    } finally {
      await rt.destroy();
    }
  }
});

test('an un-awaited loadModule, reads and waits in flight do not lock the runtime: every call made meanwhile runs, in call order', async () => {
  const rt = await Runtime.create();
  try {
    const first = await rt.loadModule(FILL);
    const fill = first.kernel('fill');
    const a = rt.ndarray('f32', [2, 4], { hostRead: true, hostWrite: true });
    const loading = rt.loadModule(FILL); // not awaited
    // All of these ran into INVALID_STATE while a waiting call was pending.
    const b = rt.ndarray('f32', [2, 4], { hostRead: true });
    fill.launch(a, 1);
    const readOne = a.read(); // sees 1: the launch after it must not leak in
    fill.launch(a, 2);
    fill.launch(b, 3);
    const waited = rt.wait();
    const readTwo = a.read();
    const second = await loading;
    second.kernel('fill').launch(a, 4);
    const readFour = a.read();
    await waited;
    expect([...(await readOne)]).toEqual(new Array(8).fill(1));
    expect([...(await readTwo)]).toEqual(new Array(8).fill(2));
    expect([...(await readFour)]).toEqual(new Array(8).fill(4));
    expect([...(await b.read())]).toEqual(new Array(8).fill(3));
    await second.destroy();
    await first.destroy();
  } finally {
    await rt.destroy();
  }
});

test('callers interleaved in random orders see the results sequential calls would', async () => {
  const rt = await Runtime.create();
  try {
    const mod = await rt.loadModule(FILL);
    const fill = mod.kernel('fill');
    const rng = new Rng(0xc0ffee);
    for (let round = 0; round < 5; round++) {
      // Each caller owns an ndarray and runs launch/read steps; the steps of all callers are
      // started in a random interleaving without awaiting, then checked against the sequential model.
      const callers = Array.from({ length: 4 }, () => ({ nd: rt.ndarray('f32', [4, 4], { hostRead: true }), model: 0 }));
      const reads: { promise: Promise<Float32Array>; expected: number }[] = [];
      const waits: Promise<void>[] = [];
      for (let step = 0; step < 40; step++) {
        const c = callers[rng.int(callers.length)];
        if (rng.chance(0.6)) {
          const v = rng.int(1000);
          fill.launch(c.nd, v);
          c.model = v;
        } else if (rng.chance(0.8)) {
          reads.push({ promise: c.nd.read(), expected: c.model });
        } else {
          waits.push(rt.wait());
        }
      }
      const got = await Promise.all(reads.map((r) => r.promise));
      await Promise.all(waits);
      got.forEach((values, i) => expect([...values], `round ${round}, read ${i}`).toEqual(new Array(16).fill(reads[i].expected)));
      for (const c of callers) c.nd.free();
    }
    await mod.destroy();
  } finally {
    await rt.destroy();
  }
});

test('destroy() rejects the calls still waiting their turn with a clear error, lets the running one end, and frees everything', async () => {
  const rt = await Runtime.create();
  const shim = rt.wasm.shim;
  const mod = await rt.loadModule(FILL);
  const a = rt.ndarray('f32', [32, 32], { hostRead: true });
  mod.kernel('fill').launch(a, 5);
  const pending = [a.read(), rt.loadModule(FILL), rt.wait(), a.read(), rt.loadModule(FILL)];
  const settling = Promise.allSettled(pending);
  await rt.destroy();
  const settled = await settling;
  for (const s of settled) {
    if (s.status === 'fulfilled') continue; // the call already running when destroy() came
    expect(s.reason).toBeInstanceOf(TaichiError);
    expect((s.reason as TaichiError).code).toBe('INVALID_STATE');
    expect((s.reason as TaichiError).message).toMatch(/destroyed/);
  }
  expect(settled.filter((s) => s.status === 'rejected').length).toBeGreaterThanOrEqual(3);
  expect(shim.liveObjects()).toEqual({});
  await rt.destroy(); // a second destroy is harmless
  expect(() => a.free()).toThrow(/destroyed/);
});
