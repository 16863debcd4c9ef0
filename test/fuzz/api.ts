// The `api` fuzz target: programs of TS API and C API calls made concurrently in random orders
// (launches, reads and waits not awaited, module loads and destroys in flight), stale handles
// used after thousands of reuses of their slots, and every cheap handle table filled to a
// lowered capacity. A sequential model predicts every read; a wrong value, a missing error or an
// error that is not a TaichiError with a message fails the case.

import type { Runtime } from '../../src/runtime.js';
import type { NdArray } from '../../src/ndarray.js';
import type { AotModule } from '../../src/module.js';
import { TaichiError } from '../../src/errors.js';
import { TiMemoryAllocateInfo, TiSamplerCreateInfo } from '../../src/abi/taichi-structs.js';
import { fixtureBytes } from '../helpers/fixtures.js';
import { judge, withTimeout, type Outcome } from '../helpers/outcome.js';
import { Rng } from '../helpers/random.js';
import { Session, checkKnownGood } from '../helpers/session.js';
import type { CaseReport, Target } from './runner.js';

type Op =
  | { op: 'alloc' }
  | { op: 'free'; slot: number }
  | { op: 'launch'; slot: number; value: number }
  | { op: 'read'; slot: number }
  | { op: 'wait' }
  | { op: 'load' }
  | { op: 'unload' }
  | { op: 'churn'; cycles: number }
  | { op: 'stale'; slot: number }
  | { op: 'exhaust'; table: 'memory' | 'event' | 'sampler'; capacity: number }
  | { op: 'event'; action: 'signal' | 'reset' | 'wait' };

const FILL = fixtureBytes('android_fill_matmul.tcm');
const MAX_LIVE = 65535;

/** A program of `length` operations from `rng`; handle churn past 2^16 reuses only when `deep`. */
export function generateProgram(rng: Rng, deep: boolean): Op[] {
  const ops: Op[] = [{ op: 'alloc' }, { op: 'load' }];
  const length = rng.range(10, 60);
  for (let i = 0; i < length; i++) {
    const r = rng.int(100);
    const slot = rng.int(8);
    if (r < 15) ops.push({ op: 'alloc' });
    else if (r < 22) ops.push({ op: 'free', slot });
    else if (r < 50) ops.push({ op: 'launch', slot, value: rng.int(1000) });
    else if (r < 68) ops.push({ op: 'read', slot });
    else if (r < 74) ops.push({ op: 'wait' });
    else if (r < 79) ops.push({ op: 'load' });
    else if (r < 83) ops.push({ op: 'unload' });
    else if (r < 86) ops.push({ op: 'churn', cycles: deep && rng.chance(0.01) ? 65536 + rng.int(1000) : rng.range(1, 600) });
    else if (r < 90) ops.push({ op: 'stale', slot });
    else if (r < 94) ops.push({ op: 'exhaust', table: rng.pick(['memory', 'event', 'sampler'] as const), capacity: rng.range(1, 40) });
    else ops.push({ op: 'event', action: rng.pick(['signal', 'reset', 'wait'] as const) });
  }
  return ops;
}

/** Runs a program; returns how it ended. */
export async function executeProgram(rt: Runtime, ops: Op[]): Promise<Outcome> {
  const wasm = rt.wasm;
  const live: { nd: NdArray<'f32'>; value: number }[] = [];
  const freed: NdArray<'f32'>[] = [];
  const staleHandles: number[] = [];
  const modules: Promise<AotModule>[] = [];
  const pending: Promise<unknown>[] = [];
  const event = rt.createEvent();
  let eventSet = false;
  let first: Outcome | undefined;
  const expectTaichi = (what: string, e: unknown, code?: string) => {
    const o = judge(e);
    if (o.kind === 'failure') first ??= o;
    else if (code && o.kind === 'rejected' && o.code !== code) first ??= { kind: 'failure', reason: `${what}: ${code} expected, got ${o.code}` };
  };
  const track = (what: string, p: Promise<unknown>) => pending.push(p.catch((e: unknown) => expectTaichi(what, e)));
  const fill = async () => (await modules[modules.length - 1]).kernel('fill');
  modules.push(rt.loadModule(FILL));
  let kernel = await fill();
  const rawAllocate = (size: number) => wasm.withHeap(TiMemoryAllocateInfo.size, (p) => {
    wasm.view().setBigUint64(p + TiMemoryAllocateInfo.offsets.size, BigInt(size), true);
    wasm.view().setUint32(p + TiMemoryAllocateInfo.offsets.usage, 1, true);
    return wasm.call('ti_allocate_memory', rt.handle, p);
  });
  try {
    for (const o of ops) {
      if (first) break;
      const at = live.length === 0 ? undefined : live[('slot' in o ? o.slot : 0) % live.length];
      switch (o.op) {
        case 'alloc':
          live.push({ nd: rt.ndarray('f32', [4, 4], { hostRead: true }), value: 0 });
          break;
        case 'free':
          if (!at) break;
          at.nd.free();
          freed.push(at.nd);
          staleHandles.push(at.nd.memory.handle);
          live.splice(live.indexOf(at), 1);
          break;
        case 'launch':
          if (!at) break;
          kernel.launch(at.nd, o.value);
          at.value = o.value;
          break;
        case 'read': {
          if (!at) break;
          const expected = at.value;
          track('read', at.nd.read().then((v) => {
            if (v.some((x) => x !== expected)) first ??= { kind: 'failure', reason: `a read saw ${v[0]}, the sequential model ${expected}` };
          }));
          break;
        }
        case 'wait':
          track('wait', rt.wait());
          break;
        case 'load':
          modules.push(rt.loadModule(FILL));
          track('load', modules[modules.length - 1]);
          break;
        case 'unload': {
          if (modules.length < 2) break;
          const m = modules.shift()!;
          track('unload', m.then((x) => x.destroy()));
          kernel = await fill();
          break;
        }
        case 'churn':
          for (let i = 0; i < o.cycles; i++) wasm.call('ti_free_memory', rt.handle, rawAllocate(16));
          break;
        case 'stale': {
          const nd = freed[o.slot % Math.max(1, freed.length)];
          if (nd) {
            try {
              kernel.launch(nd, 1);
              first ??= { kind: 'failure', reason: 'a launch with a freed ndarray succeeded' };
            } catch (e) {
              expectTaichi('launch with a freed ndarray', e, 'INVALID_STATE');
            }
          }
          for (const h of staleHandles.slice(-4)) {
            for (const fn of ['ti_map_memory', 'ti_free_memory']) {
              try {
                wasm.call(fn, rt.handle, h);
                first ??= { kind: 'failure', reason: `${fn} on freed TiMemory ${h} succeeded (a stale handle reached a live object)` };
              } catch (e) {
                expectTaichi(fn, e, 'INVALID_ARGUMENT');
              }
            }
          }
          break;
        }
        case 'exhaust':
          exhaust(rt, o.table, o.capacity, rawAllocate, (reason) => (first ??= { kind: 'failure', reason }));
          break;
        case 'event':
          try {
            if (o.action === 'signal') event.signal();
            else if (o.action === 'reset') event.reset();
            else event.wait();
            if (o.action === 'wait' && !eventSet) first ??= { kind: 'failure', reason: 'a wait on an event nothing sets was recorded' };
          } catch (e) {
            expectTaichi(`event ${o.action}`, e, o.action === 'wait' && !eventSet ? 'INVALID_STATE' : undefined);
            if (!(o.action === 'wait' && !eventSet)) first ??= { kind: 'failure', reason: `event ${o.action} failed: ${String(e)}` };
          }
          if (o.action !== 'wait') eventSet = o.action === 'signal';
          break;
      }
    }
    await Promise.all(pending);
    // Every ndarray holds what the model says once everything has run.
    for (const { nd, value } of live) {
      const v = await nd.read();
      if (v.some((x) => x !== value)) first ??= { kind: 'failure', reason: `at the end an ndarray holds ${v[0]}, the sequential model ${value}` };
    }
  } catch (e) {
    expectTaichi('program', e);
  } finally {
    wasm.raw('ti_set_handle_capacity_ext', MAX_LIVE);
    await Promise.allSettled(pending);
    for (const { nd } of live) if (!nd.memory.isFreed) nd.free();
    for (const m of modules) await m.then((x) => x.destroy()).catch(() => undefined);
    event.destroy();
  }
  return first ?? { kind: 'ok' };
}

/** Fills one table to `capacity` with raw C calls, checks the refusal, then frees what it made. */
function exhaust(rt: Runtime, table: 'memory' | 'event' | 'sampler', capacity: number, rawAllocate: (size: number) => number, fail: (reason: string) => void): void {
  const wasm = rt.wasm;
  const made: number[] = [];
  const create = () => {
    if (table === 'memory') return rawAllocate(64);
    if (table === 'event') return wasm.call('ti_create_event', rt.handle);
    return wasm.withHeap(TiSamplerCreateInfo.size, (p) => wasm.call('ti_create_sampler', rt.handle, p));
  };
  const destroy = (h: number) => {
    if (table === 'memory') wasm.call('ti_free_memory', rt.handle, h);
    else if (table === 'event') wasm.call('ti_destroy_event', h);
    else wasm.call('ti_destroy_sampler', rt.handle, h);
  };
  wasm.raw('ti_set_handle_capacity_ext', capacity);
  try {
    for (let i = 0; i <= capacity; i++) {
      let h: number;
      wasm.runBeforeCall();
      const before = wasm.shim.liveObjects();
      try {
        h = create();
      } catch (e) {
        if (!(e instanceof TaichiError) || e.code !== 'OUT_OF_MEMORY' || !/too many live/.test(e.detail)) fail(`a full ${table} table answered ${String(e)}`);
        const after = wasm.shim.liveObjects();
        const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => before[k] !== after[k]);
        if (changed.length > 0) fail(`a refused ${table} creation changed the shim's live objects (${changed.map((k) => `${k} ${before[k] ?? 0} -> ${after[k] ?? 0}`).join(', ')})`);
        return;
      }
      made.push(h);
    }
    fail(`the ${table} table took ${capacity + 1} objects at capacity ${capacity}`);
  } finally {
    wasm.raw('ti_set_handle_capacity_ext', MAX_LIVE);
    for (const h of made) destroy(h);
  }
}

export class ApiTarget implements Target {
  readonly name = 'api';
  private readonly session = new Session();

  /** `deep`: some programs churn a slot past 2^16 reuses (seconds each; the long run). */
  constructor(private readonly deep: boolean) {}

  async run(seed: number): Promise<CaseReport> {
    const ops = generateProgram(new Rng(seed), this.deep);
    const start = performance.now();
    const outcome = await withTimeout(executeProgram(await this.session.runtime(), ops), 120_000, 'program').catch(judge);
    const mutation = ops.map((o) => o.op).join(' ');
    return { target: this.name, seed, mutation, outcome, ms: performance.now() - start, input: new TextEncoder().encode(JSON.stringify(ops)) };
  }

  async replay(input: Uint8Array): Promise<Outcome> {
    return executeProgram(await this.session.runtime(), JSON.parse(new TextDecoder().decode(input)) as Op[]);
  }

  recover(): void {
    this.session.abandon();
  }

  async check(): Promise<void> {
    await checkKnownGood(await this.session.runtime());
  }

  close(): Promise<void> {
    return this.session.close();
  }
}
