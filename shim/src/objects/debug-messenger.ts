// VK_EXT_debug_utils messengers: each receives the shim's validation messages (../validation.ts),
// the errors it refuses calls with and the warnings of calls it only half serves, as a Vulkan
// validation layer would send them, with VALIDATION as the type and the entry point as the
// message id. The callback is the program's C function, called through the wasm table.

import { VkDebugUtilsMessageSeverityFlagBitsEXT, VkDebugUtilsMessageTypeFlagBitsEXT, VkStructureType } from '../abi/vk-enums.js';
import * as S from '../abi/vk-structs.js';
import type { Heap } from '../abi/heap.js';
import type { ValidationMessage } from '../validation.js';

const SEVERITY = { error: VkDebugUtilsMessageSeverityFlagBitsEXT.ERROR_BIT_EXT, warning: VkDebugUtilsMessageSeverityFlagBitsEXT.WARNING_BIT_EXT } as const;
const TYPE_VALIDATION = VkDebugUtilsMessageTypeFlagBitsEXT.VALIDATION_BIT_EXT;

export class DebugMessenger {
  constructor(
    readonly severities: number,
    readonly types: number,
    readonly callback: number,
    readonly userData: number,
  ) {}
}

/** The messengers of one shim, and the listener that feeds them. */
export class Messengers {
  readonly byHandle = new Map<number, DebugMessenger>();
  nextHandle = 1;
  /** Set while a callback runs, so a message it causes is not sent back into it. */
  delivering = false;

  constructor(private readonly heap: Heap) {}

  readonly listener = (m: ValidationMessage): void => {
    if (this.delivering) return;
    const severity = SEVERITY[m.severity];
    const targets = [...this.byHandle.values()].filter((d) => d.severities & severity && d.types & TYPE_VALIDATION);
    if (targets.length === 0) return;
    const heap = this.heap;
    const id = heap.malloc(m.entryPoint.length + 1);
    const text = `${m.entryPoint}: ${m.message}`;
    const size = new TextEncoder().encode(text).length + 1;
    const message = heap.malloc(size);
    const data = heap.malloc(S.VkDebugUtilsMessengerCallbackDataEXT.size);
    // On a full heap the message is dropped (it stays in the validation log) rather than written
    // through a null pointer.
    if (!id || !message || !data) {
      for (const p of [id, message, data]) if (p) heap.free(p);
      return;
    }
    try {
      heap.setCString(id, m.entryPoint.length + 1, m.entryPoint);
      heap.setCString(message, size, text);
      heap.u8.fill(0, data, data + S.VkDebugUtilsMessengerCallbackDataEXT.size);
      const at = S.VkDebugUtilsMessengerCallbackDataEXT.offsets;
      heap.setU32(data + at.sType, VkStructureType.DEBUG_UTILS_MESSENGER_CALLBACK_DATA_EXT);
      heap.setU32(data + at.pMessageIdName, id);
      heap.setU32(data + at.pMessage, message);
      this.delivering = true;
      for (const d of targets) heap.call(d.callback, [severity, TYPE_VALIDATION, data, d.userData]);
    } finally {
      this.delivering = false;
      heap.free(data);
      heap.free(message);
      heap.free(id);
    }
  };
}
