// How much a process has run and waited to run, to tell a hang from a loaded machine. Wall-clock
// limits fail slow cases whenever other work shares the cores; instead a case fails when it
// spends its CPU budget (a runaway) or when the process sits idle, neither running nor waiting
// for a core, for its idle limit (a wait nothing will end). Load lengthens the wall time of both
// but adds neither CPU time nor idleness: a starved process is waiting on the run queue.
//
// Linux gives both figures per thread in /proc/<pid>/task/<tid>/schedstat (nanoseconds on a CPU,
// nanoseconds runnable but waiting); the GPU driver's threads count too. Elsewhere the process's
// own CPU time is used and waiting for a core cannot be seen, so load may look idle there.

import { readdirSync, readFileSync } from 'node:fs';

export interface Activity {
  /** Milliseconds the process's threads ran. */
  cpuMs: number;
  /** Of which the main thread's (JS and wasm, and Dawn's polling while a GPU call is pending). */
  mainCpuMs: number;
  /** Milliseconds they were runnable but waited for a core (0 where unknown). */
  waitMs: number;
}

/** The activity of process `pid` (this process by default), or undefined once it is gone. */
export function activity(pid: number | 'self' = 'self'): Activity | undefined {
  try {
    let cpu = 0;
    let main = 0;
    let wait = 0;
    const mainTid = String(pid === 'self' ? process.pid : pid);
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        const [run, delay] = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ').map(Number);
        cpu += run;
        if (tid === mainTid) main = run;
        wait += delay;
      } catch {
        // The thread ended between the listing and the read.
      }
    }
    return { cpuMs: cpu / 1e6, mainCpuMs: main / 1e6, waitMs: wait / 1e6 };
  } catch {
    if (pid !== 'self') return undefined;
    const u = process.cpuUsage();
    return { cpuMs: (u.user + u.system) / 1000, mainCpuMs: (u.user + u.system) / 1000, waitMs: 0 };
  }
}

/** A share of one core under which a process counts as idle (a poll loop, a timer). */
const IDLE_SHARE = 0.05;

/**
 * Follows one process between samples: the CPU it used since `reset`, and how long it has been
 * idle without a break. Sample it every second or so.
 */
export class ActivityMeter {
  private startCpu = 0;
  private startMainCpu = 0;
  private last: Activity | undefined;
  private lastAt = 0;
  /** Milliseconds of wall time, up to the last sample, in which the process stayed idle. */
  idleMs = 0;

  constructor(private readonly pid: number | 'self' = 'self') {
    this.reset();
  }

  reset(): void {
    this.last = activity(this.pid);
    this.lastAt = performance.now();
    this.startCpu = this.last?.cpuMs ?? 0;
    this.startMainCpu = this.last?.mainCpuMs ?? 0;
    this.idleMs = 0;
  }

  /** Takes a sample; false once the process is gone. */
  sample(): boolean {
    const now = activity(this.pid);
    if (!now) return false;
    const at = performance.now();
    const wall = at - this.lastAt;
    const busy = now.cpuMs - (this.last?.cpuMs ?? 0) + now.waitMs - (this.last?.waitMs ?? 0);
    this.idleMs = busy < IDLE_SHARE * wall ? this.idleMs + wall : 0;
    this.last = now;
    this.lastAt = at;
    return true;
  }

  /** CPU milliseconds since `reset`, as of the last sample. */
  get cpuMs(): number {
    return (this.last?.cpuMs ?? 0) - this.startCpu;
  }

  /** Of `cpuMs`, the main thread's. */
  get mainCpuMs(): number {
    return (this.last?.mainCpuMs ?? 0) - this.startMainCpu;
  }
}
