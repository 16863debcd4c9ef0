// The JS heap as a leak check sees it: used bytes after a full garbage collection. Tests run
// without --expose-gc, so the flag is set at run time and gc taken from a fresh context.

import v8 from 'node:v8';
import vm from 'node:vm';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

export function jsHeapAfterGc(): number {
  gc();
  gc();
  return v8.getHeapStatistics().used_heap_size;
}

/**
 * The JS heap after a full collection, whole and without V8's compiled code and bytecode (with
 * their metadata, wherever in the heap they lie: V8's own accounting). V8 goes on optimizing hot
 * functions, and flushing and recompiling the bytecode of idle ones, for many thousands of calls,
 * so that part moves for a long time, bounded by the program; what a leak check wants is the data
 * the program keeps. Read from V8's statistics: a heap snapshot would measure objects more
 * finely, but taking one allocates a few times the heap in native memory, which malloc keeps, and
 * the RSS sampled after it grew by 15 to 20% in the soak for that alone.
 */
export function jsHeapWithoutCodeAfterGc(): { used: number; withoutCode: number } {
  const used = jsHeapAfterGc();
  const code = v8.getHeapCodeStatistics();
  return { used, withoutCode: used - code.code_and_metadata_size - code.bytecode_and_metadata_size };
}
