// PNG pictures of ndarrays for `taichi-wasm run --png`: a 2-D ndarray of scalars becomes a grey
// image scaled from its minimum to its maximum, of 3- or 4-vectors an RGB(A) image in [0, 1].
// Encoded with node:zlib (deflate, CRC-32): a PNG needs nothing more.
import { crc32, deflateSync } from 'node:zlib';

export interface Picture {
  width: number;
  height: number;
  /** RGBA, 8 bits per channel, rows from the top. */
  rgba: Uint8Array;
}

/**
 * The picture of an ndarray of shape [i, j] (Taichi's x, y): pixel (x = i, y = j) from the
 * bottom, as Taichi's GUI shows a field.
 */
export function imageOf(shape: readonly number[], elementShape: readonly number[], values: ArrayLike<number>): Picture {
  const channels = elementShape.length === 0 ? 1 : elementShape.length === 1 ? elementShape[0] : 0;
  if (shape.length !== 2 || ![1, 3, 4].includes(channels)) {
    throw new Error(`--png takes a 2-D ndarray of scalars, 3- or 4-vectors; this one is ${shape.length}-D with elements [${elementShape.join(', ')}]`);
  }
  const [width, height] = shape;
  let [min, max] = [0, 1];
  if (channels === 1) {
    [min, max] = [Infinity, -Infinity];
    for (let k = 0; k < values.length; k++) if (Number.isFinite(values[k])) [min, max] = [Math.min(min, values[k]), Math.max(max, values[k])];
    if (!(max > min)) [min, max] = [min - 1, min];
  }
  const byte = (v: number) => (Number.isFinite(v) ? Math.round(255 * Math.min(1, Math.max(0, (v - min) / (max - min)))) : 0);
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width; i++) {
    for (let j = 0; j < height; j++) {
      const at = ((height - 1 - j) * width + i) * 4;
      const from = (i * height + j) * channels;
      for (let c = 0; c < 3; c++) rgba[at + c] = byte(values[from + (channels === 1 ? 0 : c)]);
      rgba[at + 3] = channels === 4 ? byte(values[from + 3]) : 255;
    }
  }
  return { width, height, rgba };
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

export function encodePng({ width, height, rgba }: Picture): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter method, no interlace
  const rows = new Uint8Array(height * (1 + width * 4));
  for (let y = 0; y < height; y++) rows.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (1 + width * 4) + 1);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', new Uint8Array(0))]);
}
