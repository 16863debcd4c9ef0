// Regression: a submission of more recorded commands than a JS call can take as arguments
// (queue.ts used to spread them into push()) must still replay, in order.
import { expect, test } from 'vitest';
import { Runtime } from '../../src/index.js';

test('130,000 recorded copies in one submission replay in order', async () => {
  const runtime = await Runtime.create();
  try {
    const a = runtime.allocateMemory({ size: 16, hostWrite: true });
    const b = runtime.allocateMemory({ size: 16, hostRead: true });
    a.write(new Uint32Array([1, 2, 3, 4]));
    // Each copy shifts b by one word from a: the last one recorded decides the result.
    for (let i = 0; i < 130_000; i++) runtime.copy({ memory: b, offset: (i % 4) * 4, size: 4 }, { memory: a, offset: ((i + 1) % 4) * 4, size: 4 });
    expect(Array.from(await b.read(Uint32Array))).toEqual([2, 3, 4, 1]);
  } finally {
    await runtime.destroy();
  }
}, 300_000);
