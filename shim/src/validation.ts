// Where the shim reports misuse that a VkResult cannot carry (a void function given a stale
// handle, a command recorded with bad arguments): a bounded log plus an optional callback, the
// role VK_EXT_debug_utils plays on a desktop driver.

import { VkResult } from './abi/vk-enums.js';

export interface ValidationMessage {
  entryPoint: string;
  message: string;
}

/** Thrown inside the shim to abandon an entry point with a VkResult; never crosses into wasm. */
export class VkFailure extends Error {
  constructor(
    readonly result: VkResult,
    message: string,
  ) {
    super(message);
  }
}

export class ValidationLog {
  private readonly recent: ValidationMessage[] = [];
  private total = 0;
  onMessage: ((m: ValidationMessage) => void) | undefined;

  report(entryPoint: string, message: string): void {
    const m = { entryPoint, message };
    this.total++;
    this.recent.push(m);
    if (this.recent.length > 64) this.recent.shift();
    this.onMessage?.(m);
  }

  get count(): number {
    return this.total;
  }

  get last(): ValidationMessage | undefined {
    return this.recent[this.recent.length - 1];
  }

  messages(): readonly ValidationMessage[] {
    return this.recent;
  }
}
