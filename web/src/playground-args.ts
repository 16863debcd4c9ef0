// The playground's argument forms: one row per argument of a kernel or graph, read back into
// launch values. Ndarrays get a shape and a fill (zeros, random, a range); scalars and tensors
// numbers; textures a PNG. The form's state round-trips through URL parameters (name=value),
// so a run can be shared as a link.

import type { ArgumentSignature, ArgumentValue, DType, Image, NdArray, Runtime } from '../../src/index.browser.js';

export type Fill = 'zeros' | 'random' | 'range';

/** One argument row: its inputs and how to make the value. */
export interface ArgumentRow {
  signature: ArgumentSignature;
  /** The URL parameter value that recreates this row's input. */
  param(): string;
  make(runtime: Runtime): Promise<ArgumentValue>;
}

function input(value: string, size = 10): HTMLInputElement {
  const element = document.createElement('input');
  element.value = value;
  element.size = size;
  return element;
}

/** Seeded uniform numbers in [0, 1) (mulberry32), so a shared link draws the same values. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function ndarrayRow(signature: ArgumentSignature, given: string | null): { element: HTMLElement; row: ArgumentRow } {
  // param form: 640x320 or 640x320:random or 64:range
  const [shapeText, fillText] = (given ?? new Array(Math.max(signature.ndim, 1)).fill(16).join('x')).split(':');
  const shape = input(shapeText);
  const fill = document.createElement('select');
  for (const option of ['zeros', 'random', 'range']) fill.append(new Option(option, option));
  fill.value = fillText ?? 'zeros';
  const element = document.createElement('span');
  element.append('shape ', shape, ' fill ', fill);
  const dims = () => (signature.ndim === 0 ? [] : shape.value.split(/[x,\s]+/).filter(Boolean).map(Number));
  return {
    element,
    row: {
      signature,
      param: () => `${shape.value}${fill.value === 'zeros' ? '' : `:${fill.value}`}`,
      async make(runtime) {
        const array: NdArray = runtime.ndarray(signature.dtype as DType, dims(), { elementShape: signature.elementShape, hostWrite: true });
        const next = random(1234);
        const values = Array.from({ length: array.length }, (_, i) => (fill.value === 'random' ? next() : fill.value === 'range' ? i : 0));
        array.write(values);
        return array;
      },
    },
  };
}

function numberRow(signature: ArgumentSignature, given: string | null): { element: HTMLElement; row: ArgumentRow } {
  const count = signature.kind === 'tensor' ? signature.elementShape.reduce((a, b) => a * b, 1) : 1;
  const box = input(given ?? new Array(count).fill('0').join(','));
  return {
    element: box,
    row: {
      signature,
      param: () => box.value,
      async make() {
        const numbers = box.value.split(',').map(Number);
        if (numbers.some((x) => Number.isNaN(x)) || numbers.length !== count) throw new Error(`${signature.name}: give ${count} number${count > 1 ? 's' : ''}`);
        return signature.kind === 'tensor' ? numbers : numbers[0];
      },
    },
  };
}

function textureRow(signature: ArgumentSignature): { element: HTMLElement; row: ArgumentRow } {
  const file = document.createElement('input');
  file.type = 'file';
  file.accept = 'image/png';
  const size = input('256x256');
  const element = document.createElement('span');
  element.append('PNG ', file, ' or empty ', size);
  return {
    element,
    row: {
      signature,
      param: () => size.value,
      async make(runtime): Promise<Image> {
        const picked = file.files?.[0];
        if (!picked) {
          const [width, height] = size.value.split('x').map(Number);
          return runtime.allocateImage({ dimension: '2d', width, height, format: 'rgba8' });
        }
        const bitmap = await createImageBitmap(picked);
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(bitmap, 0, 0);
        const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
        const image = runtime.allocateImage({ dimension: '2d', width: bitmap.width, height: bitmap.height, format: 'rgba8' });
        image.write(new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.byteLength));
        return image;
      },
    },
  };
}

/** Fills `form` with one labelled row per argument, from URL parameters where given. */
export function argumentForm(form: HTMLFormElement, args: readonly ArgumentSignature[], params: URLSearchParams): ArgumentRow[] {
  form.replaceChildren();
  return args.map((signature) => {
    // Taichi 1.7 names kernel parameters with a leading underscore; a link may leave it out.
    const given = params.get(signature.name) ?? params.get(signature.name.replace(/^_/, ''));
    const { element, row } =
      signature.kind === 'ndarray' ? ndarrayRow(signature, given) : signature.kind === 'texture' || signature.kind === 'rw_texture' ? textureRow(signature) : numberRow(signature, given);
    const label = document.createElement('label');
    const what = signature.kind === 'ndarray' ? `${signature.dtype} ndarray, ${signature.ndim}-D${signature.elementShape.length ? `, elements [${signature.elementShape.join(', ')}]` : ''}` : `${signature.kind} ${signature.dtype}`;
    label.append(Object.assign(document.createElement('code'), { textContent: signature.name }), ` (${what}) `, element);
    form.append(label);
    return row;
  });
}
