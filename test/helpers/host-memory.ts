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
