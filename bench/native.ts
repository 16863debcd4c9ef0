// The native anchor: bench/native/native_bench (Taichi's own C runtime from the taichi wheel, on
// native Vulkan) runs the same module and workload as a TS benchmark, in a child process so its
// Vulkan device and memory are its own. $TAICHI_NATIVE_BENCH names a prebuilt binary (the GPU
// machine has no compiler); otherwise bench/native/build.sh builds one against the wheel in .venv.
import { execFileSync, spawnSync } from 'node:child_process';
import { dirname } from 'node:path';

export interface NativeResult {
  workload: string;
  check: string;
  /** Peak resident memory of the native process. */
  peakRssKiB: number;
  /** Bytes the workload allocated with ti_allocate_memory. */
  deviceBytes: number;
  /** Peak of vkAllocateMemory bytes held, where the memory-counting layer was enabled. */
  vkPeakBytes?: number;
  vkAllocations?: number;
  [key: string]: unknown;
}

/** A native result, or the reason there is none (printed in the table in place of the row). */
export type NativeOutcome = NativeResult | { skipped: string };

let binary: string | { skipped: string } | undefined;

function nativeBinary(): string | { skipped: string } {
  if (binary !== undefined) return binary;
  if (process.env.TAICHI_NATIVE_BENCH) return (binary = process.env.TAICHI_NATIVE_BENCH);
  const built = spawnSync('bash', ['bench/native/build.sh'], { encoding: 'utf8' });
  binary = built.status === 0 ? built.stdout.trim() : { skipped: `native Taichi skipped: ${built.stderr.trim().split('\n').pop() ?? 'build failed'}` };
  return binary;
}

/** Runs one workload of native_bench (see its header for the arguments). */
export function runNative(workload: string, ...args: (string | number)[]): NativeOutcome {
  return runNativeWith({}, workload, ...args);
}

/**
 * The same with the Vulkan layer that counts device memory (bench/native/vk_memory_layer.cpp,
 * built beside the binary): the result's vkPeakBytes is every vkAllocateMemory the process held
 * at its peak. Only the memory benchmark uses it, so no timing runs through the layer.
 */
export function runNativeCountingMemory(workload: string, ...args: (string | number)[]): NativeOutcome {
  const bin = nativeBinary();
  if (typeof bin !== 'string') return bin;
  return runNativeWith({ VK_LAYER_PATH: dirname(bin), VK_INSTANCE_LAYERS: 'VK_LAYER_TAICHI_BENCH_memory' }, workload, ...args);
}

function runNativeWith(env: Record<string, string>, workload: string, ...args: (string | number)[]): NativeOutcome {
  const bin = nativeBinary();
  if (typeof bin !== 'string') return bin;
  try {
    const out = execFileSync(bin, [workload, ...args.map(String)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 20, env: { ...process.env, ...env } });
    return JSON.parse(out.trim().split('\n').pop() ?? '') as NativeResult;
  } catch (e) {
    const stderr = (e as { stderr?: string }).stderr?.trim().split('\n').pop();
    return { skipped: `native Taichi failed: ${stderr || (e instanceof Error ? e.message : String(e))}` };
  }
}

export function isNative(outcome: NativeOutcome): outcome is NativeResult {
  return !('skipped' in outcome);
}
