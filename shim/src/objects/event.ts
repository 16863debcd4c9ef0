// VkEvent on WebGPU's single in-order queue.
//
// Device side: vkCmdSetEvent / vkCmdResetEvent take effect for later commands as soon as they are
// submitted, because the queue runs commands in order; `expected` is the state the event will
// have once everything submitted so far has run. A vkCmdWaitEvents whose events are expected set
// costs nothing. One that waits for an event only the host can set holds back the rest of its
// submission (and everything submitted after it) until vkSetEvent releases it (commands/queue.ts).
// Host side: vkGetEventStatus reports `signaled`, which device-side changes reach when the
// submission that made them completes; while one is in flight it lets the event loop run before
// answering VK_EVENT_RESET, so a host loop polling it sees them.

import type { Device } from './device.js';

export class VkEvent {
  signaled = false;
  expected = false;
  constructor(readonly device: Device) {}
}
