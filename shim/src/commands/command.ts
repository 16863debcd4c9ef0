// The commands a command buffer records: what each vkCmd* call leaves for the submission that
// replays it (encode.ts), with its handles already resolved to objects and its arguments checked.

import type { Buffer } from '../objects/buffer.js';
import type { Pipeline } from '../objects/pipeline.js';
import type { DescriptorSet } from '../objects/descriptor.js';
import type { VkEvent } from '../objects/event.js';
import type { Image, Extent, SubresourceRange } from '../objects/image.js';

export interface BufferCopyRegion {
  srcOffset: number;
  dstOffset: number;
  size: number;
}

export type Command =
  | { kind: 'copyBuffer'; src: Buffer; dst: Buffer; regions: BufferCopyRegion[] }
  | { kind: 'fillBuffer'; dst: Buffer; offset: number; size: number; data: number }
  | { kind: 'updateBuffer'; dst: Buffer; offset: number; data: Uint8Array }
  | { kind: 'bindPipeline'; pipeline: Pipeline }
  | { kind: 'pushConstants'; offset: number; data: Uint8Array }
  | { kind: 'bindDescriptorSets'; firstSet: number; sets: { set: DescriptorSet; offsets: number[] }[] }
  | { kind: 'dispatch'; x: number; y: number; z: number }
  | { kind: 'dispatchIndirect'; buffer: Buffer; offset: number }
  | ImageCommand
  | { kind: 'beginCommandBuffer' }
  | { kind: 'setEvent'; event: VkEvent }
  | { kind: 'resetEvent'; event: VkEvent }
  | { kind: 'waitEvents'; events: VkEvent[] };

export interface Origin {
  x: number;
  y: number;
  z: number;
}

export interface ImageCopyRegion {
  src: SubresourceRange;
  srcOffset: Origin;
  dst: SubresourceRange;
  dstOffset: Origin;
  extent: Extent;
}

export interface BufferImageRegion {
  bufferOffset: number;
  /** Bytes between rows and between slices (or layers) in the buffer. */
  rowPitch: number;
  slicePitch: number;
  image: SubresourceRange;
  offset: Origin;
  extent: Extent;
}

export type ImageCommand =
  | { kind: 'imageLayout'; image: Image; range: SubresourceRange; oldLayout: number; newLayout: number }
  | { kind: 'copyImage'; src: Image; srcLayout: number; dst: Image; dstLayout: number; regions: ImageCopyRegion[] }
  | { kind: 'copyBufferToImage'; src: Buffer; dst: Image; dstLayout: number; regions: BufferImageRegion[] }
  | { kind: 'copyImageToBuffer'; src: Image; srcLayout: number; dst: Buffer; regions: BufferImageRegion[] }
  | { kind: 'clearColorImage'; image: Image; layout: number; texel: Uint8Array; ranges: SubresourceRange[] };
