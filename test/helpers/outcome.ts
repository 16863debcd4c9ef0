// How a fuzz case ended. Acceptable: success, or a TaichiError / SpirvTranslationError that
// carries a message. Anything else (a wasm trap, another exception escaping, a hang) is a
// failure, reported with the case seed and the mutation so it can be replayed.

import { TaichiError } from '../../src/errors.js';
import { SpirvTranslationError } from '../../shim/spirv/errors.js';

export type Outcome = { kind: 'ok' } | { kind: 'rejected'; code: string } | { kind: 'failure'; reason: string };

export class CaseTimeout extends Error {}

/** An Emscripten abort or a WebAssembly trap: the instance is dead afterwards. */
export function isWasmTrap(e: unknown): boolean {
  return e instanceof WebAssembly.RuntimeError || (e instanceof Error && /^Aborted\(/.test(e.message));
}

export function judge(e: unknown): Outcome {
  if (e instanceof TaichiError) {
    if (e.code === 'UNKNOWN' || e.detail.trim() === '') return { kind: 'failure', reason: `TaichiError without a code or message: ${e.message}` };
    return { kind: 'rejected', code: e.code };
  }
  if (e instanceof SpirvTranslationError) {
    if (e.reason.trim() === '') return { kind: 'failure', reason: `SpirvTranslationError without a reason: ${e.message}` };
    return { kind: 'rejected', code: 'SPIRV' };
  }
  if (e instanceof CaseTimeout) return { kind: 'failure', reason: `hang: ${e.message}` };
  if (isWasmTrap(e)) return { kind: 'failure', reason: `wasm trap: ${(e as Error).message}` };
  const text = e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ''}` : String(e);
  return { kind: 'failure', reason: `uncaught exception: ${text}` };
}

/** Runs `work`; fails with CaseTimeout after `ms` (the work itself may stay suspended). */
export async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CaseTimeout(`${what} did not finish within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
