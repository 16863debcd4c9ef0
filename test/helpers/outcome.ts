// How a fuzz case ended. Acceptable: success, or a TaichiError / SpirvTranslationError that
// carries a message. Anything else (a wasm trap, another exception escaping, a hang) is a
// failure, reported with the case seed and the mutation so it can be replayed.

import { TaichiError } from '../../src/errors.js';
import { SpirvTranslationError } from '../../shim/spirv/errors.js';
import { ActivityMeter } from './activity.js';

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

/**
 * Where the CPU went. While a GPU call is pending, Dawn's Node binding polls for its completion on
 * the main thread without pause (setImmediate after setImmediate), so a long GPU job (a kernel,
 * or lavapipe compiling a shader with LLVM at its first dispatch) costs the main thread about as
 * much CPU as the driver's threads get; the split tells such a job from a runaway in JS or wasm.
 */
function cpuSplit(meter: ActivityMeter): string {
  return `${Math.round(meter.mainCpuMs)} ms on the main thread, ${Math.round(meter.cpuMs - meter.mainCpuMs)} ms on the others, the GPU driver's included`;
}

/** How often a pending `withTimeout` looks at the process's activity. */
const SAMPLE_MS = 1000;

/**
 * Runs `work`; fails with CaseTimeout (the work itself may stay suspended) once this process has
 * spent `ms` of CPU time on it (a runaway), or has sat idle, neither running nor waiting for a
 * core, for `ms` without a break (a wait nothing will end). A loaded machine stretches the wall
 * time of the work but triggers neither (activity.ts), so a slow case under load is not a hang.
 * Work that ends within a second is never measured.
 */
export async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    let meter: ActivityMeter | undefined;
    timer = setInterval(() => {
      if (!meter) {
        meter = new ActivityMeter();
        return;
      }
      meter.sample();
      if (meter.cpuMs > ms) reject(new CaseTimeout(`${what} used over ${ms} ms of CPU time without finishing (${cpuSplit(meter)})`));
      else if (meter.idleMs > ms) reject(new CaseTimeout(`${what} did not finish: the process sat idle for ${Math.round(meter.idleMs)} ms waiting on it`));
    }, SAMPLE_MS);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearInterval(timer);
  }
}
