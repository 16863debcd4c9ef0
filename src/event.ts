import type { RuntimeContext } from './context.js';
import { TaichiError } from './errors.js';

/**
 * A device-side event (TiEvent): `signal()`, `reset()` and `wait()` are recorded into the
 * runtime's command stream, so work recorded after a wait runs only once the event is set.
 *
 * ```ts
 * const ready = runtime.createEvent();
 * producer.launch(data);
 * ready.signal();
 * ready.wait();
 * consumer.launch(data);
 * ```
 */
export class Event {
  private destroyed = false;

  /** @internal */
  constructor(
    readonly runtime: RuntimeContext,
    /** The TiEvent handle. */ readonly handle: number,
  ) {}

  signal(): void {
    this.record('ti_signal_event');
  }

  reset(): void {
    this.record('ti_reset_event');
  }

  wait(): void {
    this.record('ti_wait_event');
  }

  /** Submits recorded work that names the event, then destroys it (an imported VkEvent is left alone). */
  destroy(): void {
    this.check('destroy');
    this.runtime.wasm.call('ti_destroy_event', this.handle);
    this.destroyed = true;
  }

  private record(fn: string): void {
    this.check(fn);
    this.runtime.wasm.call(fn, this.runtime.handle, this.handle);
  }

  private check(what: string): void {
    if (this.destroyed) throw new TaichiError('INVALID_STATE', `${what}: the event was destroyed`);
    this.runtime.checkLive(what);
  }
}
