// Values for a kernel's or graph's arguments through the TS API, from the signature the module
// describes: ndarrays of small random shapes, random scalars and tensors.

import type { Runtime } from '../../src/runtime.js';
import type { ArgumentSignature, ArgumentValue } from '../../src/module.js';
import type { NdArray } from '../../src/ndarray.js';
import type { DType } from '../../src/dtype.js';
import type { Rng } from '../helpers/random.js';

/** Up to `maxElements` scalars in all: dims of 1..8, shrunk to fit. */
function smallShape(rng: Rng, ndim: number, maxElements: number): number[] {
  const dims: number[] = [];
  let total = 1;
  for (let i = 0; i < ndim; i++) {
    const d = Math.max(1, Math.min(rng.range(1, 8), Math.floor(maxElements / total)));
    dims.push(d);
    total *= d;
  }
  return dims;
}

export function randomScalar(rng: Rng): number {
  return rng.pick([0, 1, -1, 0.5, 1e-3, 3.25, 2 ** 31, -(2 ** 31), Number.NaN, Number.POSITIVE_INFINITY, rng.next() * 100 - 50, rng.range(-1000, 1000)]);
}

/**
 * Values matching `args`. The ndarrays are returned too, for freeing. Throws what the runtime
 * throws for a type it cannot make (e.g. an f64 ndarray): the caller judges it.
 */
export function argumentsFor(rt: Runtime, args: readonly ArgumentSignature[], rng: Rng, made: NdArray[]): ArgumentValue[] {
  return args.map((sig) => {
    switch (sig.kind) {
      case 'ndarray': {
        const elem = sig.elementShape.reduce((a, b) => a * b, 1);
        const nd = rt.ndarray(sig.dtype as DType, smallShape(rng, sig.ndim, Math.max(1, Math.floor(4096 / Math.max(1, elem)))), {
          elementShape: [...sig.elementShape],
          hostWrite: rng.chance(0.5),
        });
        made.push(nd);
        return nd;
      }
      case 'tensor':
        // Capped: a hostile element shape may claim billions of components.
        return Array.from({ length: Math.min(40, sig.elementShape.reduce((a, b) => a * b, 1)) }, () => randomScalar(rng));
      default:
        return randomScalar(rng);
    }
  });
}
