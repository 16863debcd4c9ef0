// The short soak (`npm run soak` is the long one): launches, allocate/free and module load/destroy
// cycles and concurrent callers leave the JS heap, RSS, wasm heap and shim objects where warm-up
// left them.

import { expect, test } from 'vitest';
import { soak, SHORT, SHORT_SOAK } from './soak-run.js';

test('a short soak of every kind of call grows no memory past warm-up', async () => {
  const r = await soak(SHORT_SOAK, () => {}, SHORT);
  expect(r.growth).toEqual([]);
}, 600_000);
