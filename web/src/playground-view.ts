// The playground's result views: a 2-D ndarray as a picture (scalars in grey from their minimum
// to their maximum, 3- and 4-vectors as colour in [0, 1]), a 1-D ndarray of scalars as a line
// plot and of 2-vectors as a scatter plot, anything else as numbers.

export interface Summary {
  name: string;
  shape: readonly number[];
  elementShape: readonly number[];
  min: number;
  max: number;
  mean: number;
}

export function summarise(name: string, shape: readonly number[], elementShape: readonly number[], values: ArrayLike<number>): Summary {
  let [min, max, sum, finite] = [Infinity, -Infinity, 0, 0];
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (!Number.isFinite(v)) continue;
    [min, max, sum, finite] = [Math.min(min, v), Math.max(max, v), sum + v, finite + 1];
  }
  return { name, shape, elementShape, min, max, mean: finite ? sum / finite : NaN };
}

function canvas(width: number, height: number): { element: HTMLCanvasElement; context: CanvasRenderingContext2D } {
  const element = document.createElement('canvas');
  element.width = width;
  element.height = height;
  element.className = 'result';
  return { element, context: element.getContext('2d')! };
}

/** Pixel (x = i, y = j from the bottom) shows element [i, j], as Taichi's GUI shows a field. */
function picture(s: Summary, values: ArrayLike<number>): HTMLCanvasElement {
  const [width, height] = s.shape;
  const channels = s.elementShape.length ? s.elementShape[0] : 1;
  const { element, context } = canvas(width, height);
  const image = context.createImageData(width, height);
  const [lo, hi] = channels === 1 ? [s.min, s.max > s.min ? s.max : s.min + 1] : [0, 1];
  const byte = (v: number) => Math.round(255 * Math.min(1, Math.max(0, (v - lo) / (hi - lo))));
  for (let i = 0; i < width; i++) {
    for (let j = 0; j < height; j++) {
      const at = ((height - 1 - j) * width + i) * 4;
      const from = (i * height + j) * channels;
      for (let c = 0; c < 3; c++) image.data[at + c] = byte(values[from + (channels === 1 ? 0 : c)]);
      image.data[at + 3] = channels === 4 ? byte(values[from + 3]) : 255;
    }
  }
  context.putImageData(image, 0, 0);
  return element;
}

function plot(s: Summary, values: ArrayLike<number>): HTMLCanvasElement {
  const [width, height, pad] = [480, 240, 8];
  const { element, context } = canvas(width, height);
  context.fillStyle = '#000';
  context.fillRect(0, 0, width, height);
  const span = s.max > s.min ? s.max - s.min : 1;
  context.fillStyle = context.strokeStyle = '#8fd3d5';
  if (s.elementShape.length === 1 && s.elementShape[0] === 2) {
    // Scatter: x and y each scaled over the whole value range, so shapes keep their proportions.
    for (let k = 0; k + 1 < values.length; k += 2) {
      const x = pad + ((values[k] - s.min) / span) * (width - 2 * pad);
      const y = height - pad - ((values[k + 1] - s.min) / span) * (height - 2 * pad);
      context.fillRect(x - 1, y - 1, 2, 2);
    }
    return element;
  }
  context.beginPath();
  for (let k = 0; k < values.length; k++) {
    const x = pad + (k / Math.max(1, values.length - 1)) * (width - 2 * pad);
    const y = height - pad - ((values[k] - s.min) / span) * (height - 2 * pad);
    if (k === 0) context.moveTo(x, y);
    else context.lineTo(x, y);
  }
  context.stroke();
  return element;
}

/** A figure for one ndarray result: its picture or plot where it has one, and its numbers. */
export function resultView(s: Summary, values: ArrayLike<number>): HTMLElement {
  const figure = document.createElement('figure');
  const channels = s.elementShape.length === 0 ? 1 : s.elementShape.length === 1 ? s.elementShape[0] : 0;
  if (s.shape.length === 2 && [1, 3, 4].includes(channels)) figure.append(picture(s, values));
  else if (s.shape.length === 1 && (channels === 1 || channels === 2)) figure.append(plot(s, values));
  const caption = document.createElement('figcaption');
  const first = Array.from({ length: Math.min(6, values.length) }, (_, k) => +values[k].toPrecision(5));
  caption.textContent = `${s.name}: [${s.shape.join(', ')}]${s.elementShape.length ? ` of [${s.elementShape.join(', ')}]` : ''}; min ${+s.min.toPrecision(6)}, max ${+s.max.toPrecision(6)}, mean ${+s.mean.toPrecision(6)}; first ${first.join(', ')}`;
  figure.append(caption);
  return figure;
}
