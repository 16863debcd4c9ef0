import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Runtime, TaichiError, type AotModule } from '../../src/index.js';
import { VkResult } from '../../shim/src/abi/vk-enums.js';

const FILL_MATMUL = new URL('../../examples/modules/fill_matmul.tcm', import.meta.url).pathname;

describe('events (TiEvent over VkEvent)', () => {
  let runtime: Runtime;
  let mod: AotModule;
  beforeAll(async () => {
    runtime = await Runtime.create();
    mod = await runtime.loadModule(FILL_MATMUL);
  });
  afterAll(async () => {
    await runtime?.destroy();
  });

  /** vkGetEventStatus as the host sees it. */
  function status(event: ReturnType<Runtime['createEvent']>): number {
    const device = runtime.vulkan.exportRuntime().device;
    return runtime.wasm.shim.entryPoints.vkGetEventStatus(device, runtime.vulkan.exportEvent(event).event) as number;
  }

  test('a later submission waits on an event an earlier one signalled', async () => {
    const a = runtime.ndarray('f32', [16, 16]);
    const b = runtime.ndarray('f32', [16, 16]);
    const ready = runtime.createEvent();
    mod.kernel('fill').launch(a, 7.25);
    ready.signal();
    runtime.flush();
    ready.wait();
    runtime.copy({ memory: b.memory }, { memory: a.memory });
    const values = await b.read();
    expect(Array.from(values)).toEqual(new Array(256).fill(7.25));
    expect(status(ready)).toBe(VkResult.EVENT_SET);
    ready.destroy();
    a.free();
    b.free();
  });

  test('status follows device-side signal and reset once the work completes', async () => {
    const event = runtime.createEvent();
    expect(status(event)).toBe(VkResult.EVENT_RESET);
    event.signal();
    await runtime.wait();
    expect(status(event)).toBe(VkResult.EVENT_SET);
    event.reset();
    await runtime.wait();
    expect(status(event)).toBe(VkResult.EVENT_RESET);
    event.destroy();
  });

  test('an event set from the host releases a recorded wait; waiting meanwhile fails instead of hanging', async () => {
    const a = runtime.ndarray('f32', [8, 8]);
    const gate = runtime.createEvent();
    const vkEvent = runtime.vulkan.exportEvent(gate).event;
    const device = runtime.vulkan.exportRuntime().device;
    gate.wait();
    mod.kernel('fill').launch(a, 3);
    runtime.flush();
    const error = await runtime.wait().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TaichiError);
    expect((error as TaichiError).detail).toMatch(/only the host can set/);
    // External Vulkan code (the host) sets the event through the shim.
    expect(runtime.wasm.shim.entryPoints.vkSetEvent(device, vkEvent)).toBe(VkResult.SUCCESS);
    expect(Array.from(await a.read())).toEqual(new Array(64).fill(3));
    gate.destroy();
    a.free();
  });

  test('bad handles are reported, and the runtime keeps working', async () => {
    const event = runtime.createEvent();
    event.destroy();
    expect(() => event.signal()).toThrow(/destroyed/);
    expect(() => runtime.wasm.call('ti_signal_event', runtime.handle, event.handle)).toThrow(/INVALID_ARGUMENT/);
    expect(() => runtime.wasm.call('ti_wait_event', runtime.handle, 0)).toThrow(/ARGUMENT_NULL/);
    expect(() => runtime.wasm.call('ti_destroy_event', event.handle)).toThrow(/INVALID_ARGUMENT/);
    const a = runtime.ndarray('f32', [4, 4]);
    mod.kernel('fill').launch(a, 1.5);
    expect(Array.from(await a.read())).toEqual(new Array(16).fill(1.5));
    a.free();
  });
});
