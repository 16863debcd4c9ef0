// Where the shim reports misuse that a VkResult cannot carry (a void function given a stale
// handle, a command recorded with bad arguments): a bounded log plus an optional callback, the
// role VK_EXT_debug_utils plays on a desktop driver.

import { VkResult } from './abi/vk-enums.js';

/** Misuse the shim refused or could not honour (error), or a call it could only half serve (warning). */
export type ValidationSeverity = 'error' | 'warning';

export interface ValidationMessage {
  entryPoint: string;
  message: string;
  severity: ValidationSeverity;
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
  /** Called with every message as it is reported (VK_EXT_debug_utils messengers: debug-utils.ts). */
  readonly listeners = new Set<(m: ValidationMessage) => void>();

  report(entryPoint: string, message: string, severity: ValidationSeverity = 'error'): void {
    const m = { entryPoint, message, severity };
    this.total++;
    this.recent.push(m);
    if (this.recent.length > 64) this.recent.shift();
    for (const listener of this.listeners) listener(m);
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
