// VkCommandBuffer: vkCmd* calls are recorded as a list of commands and replayed into the
// GPUCommandEncoder of the submission that executes them (one encoder per vkQueueSubmit).
// Consecutive dispatches share one compute pass; a transfer command ends the pass. WebGPU orders
// and synchronises everything within a queue, so pipeline barriers need no replay.

import { VkResult } from '../abi/vk-enums.js';
import { VkFailure } from '../validation.js';
import type { Device } from '../objects/device.js';
import type { Command } from './command.js';

export type CommandBufferState = 'initial' | 'recording' | 'executable' | 'pending' | 'invalid';

export class CommandBuffer {
  state: CommandBufferState = 'initial';
  commands: Command[] = [];
  oneTimeSubmit = false;
  /** Submissions still executing this command buffer. */
  pendingCount = 0;
  /** The first vkCmd* call refused while recording: the buffer cannot run as its recorder meant. */
  refused: string | undefined;
  /** Holds a vkCmdWaitEvents: its submissions are scanned for where they must stop (commands/queue.ts). */
  waitsOnEvents = false;

  constructor(
    readonly device: Device,
    readonly poolHandle: number,
    readonly resettable: boolean,
  ) {}

  reset(): void {
    this.commands = [];
    this.state = 'initial';
    this.refused = undefined;
    this.waitsOnEvents = false;
  }

  record(entryPoint: string, command: Command): void {
    if (this.state !== 'recording') {
      throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `${entryPoint}: command buffer is ${this.state}, not recording`);
    }
    this.commands.push(command);
    if (command.kind === 'waitEvents') this.waitsOnEvents = true;
  }
}
