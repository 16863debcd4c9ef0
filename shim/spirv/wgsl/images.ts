// Image instructions -> texture builtins (sampling, fetch, read, write and queries).
import { Op, opName } from '../opcodes.js';
import type { Instruction, SpirvType } from '../parse.js';
import { vecName } from '../types.js';
import { SWIZZLE } from './names.js';
import { type Expr, Printer } from './printer.js';

export function isImageSample(op: number): boolean {
  return op >= Op.ImageSampleImplicitLod && op <= Op.ImageSampleProjDrefExplicitLod;
}

export function imageInfo(ctx: Printer, e: Expr): Extract<SpirvType, { kind: 'image' }> {
  const t = ctx.types.get(e.type);
  const img = t.kind === 'sampled-image' ? ctx.types.get(t.image) : t;
  if (img.kind !== 'image') ctx.fail('operand is not an image');
  return img;
}

export function markImage(ctx: Printer, text: string, read: boolean, write: boolean, sampled: boolean): void {
  const id = Number(text.slice(2));
  if (!text.startsWith('g_') || !ctx.resources.has(id)) return;
  const r = ctx.resourceUse(id);
  r.read ||= read;
  r.written ||= write;
  r.sampled ||= sampled;
}

export function image(ctx: Printer, inst: Instruction): void {
  const a = inst.args;
  const img = ctx.value(a[0]);
  const info = imageInfo(ctx, img);
  const n = ctx.types.numeric1(inst.type === 0 ? ctx.value(a[2]).type : inst.type);
  const texelKind = info.sampled === 2 || info.depth !== 1 ? ctx.types.numeric1(info.sampledType).scalar : 'f32';
  const toResult = (text: string): string => {
    if (info.depth === 1 && info.sampled !== 2) return `vec4<f32>(${text}, 0.0f, 0.0f, 0.0f)`;
    return texelKind === n.scalar ? text : `bitcast<${vecName(n.scalar, n.n)}>(${text})`;
  };
  // Image operands: mask then ids in bit order (Bias 1, Lod 2, Grad 4, ConstOffset 8, Offset 0x10).
  const operands = (maskAt: number): Map<number, number[]> => {
    const m = new Map<number, number[]>();
    if (a.length <= maskAt) return m;
    const mask = a[maskAt];
    let i = maskAt + 1;
    for (const bit of [1, 2, 4, 8, 0x10, 0x20, 0x40, 0x80]) {
      if (!(mask & bit)) continue;
      const count = bit === 4 ? 2 : 1;
      m.set(bit, Array.from(a.subarray(i, i + count)));
      i += count;
    }
    return m;
  };
  const coords = (id: number): { c: string; layer: string } => {
    if (!info.arrayed) return { c: ctx.value(id).text, layer: '' };
    const e = ctx.pin(id);
    const cn = ctx.types.numeric1(e.type).n;
    const sw = SWIZZLE.slice(0, cn - 1).join('');
    const layer = ctx.types.numeric1(e.type).scalar === 'f32' ? `i32(round(${e.text}.${SWIZZLE[cn - 1]}))` : `${e.text}.${SWIZZLE[cn - 1]}`;
    return { c: `${e.text}.${sw}`, layer: `, ${layer}` };
  };
  switch (inst.op) {
    case Op.ImageSampleExplicitLod: {
      if (img.sampler === undefined) ctx.fail('sampling needs a sampled image');
      markImage(ctx, img.text, true, false, true);
      const ops = operands(2);
      const { c, layer } = coords(a[1]);
      const off = ops.get(8) ? `, ${ctx.value(ops.get(8)![0]).text}` : '';
      let text: string;
      if (ops.has(2)) {
        const lod = ctx.value(ops.get(2)![0]);
        text = `textureSampleLevel(${img.text}, ${img.sampler}, ${c}${layer}, ${info.depth === 1 ? `i32(${lod.text})` : lod.text}${off})`;
      } else if (ops.has(4)) {
        const [dx, dy] = ops.get(4)!.map((i) => ctx.value(i).text);
        text = `textureSampleGrad(${img.text}, ${img.sampler}, ${c}${layer}, ${dx}, ${dy}${off})`;
      } else ctx.fail('explicit-lod sampling without Lod or Grad');
      ctx.define(inst, toResult(text), true, true);
      return;
    }
    case Op.ImageFetch: case Op.ImageRead: {
      markImage(ctx, img.text, true, false, false);
      const ops = operands(2);
      const { c, layer } = coords(a[1]);
      const lod = info.sampled === 2 ? '' : `, ${ops.has(2) ? ctx.value(ops.get(2)![0]).text : '0'}`;
      const sample = ops.has(0x40) ? `, ${ctx.value(ops.get(0x40)![0]).text}` : '';
      ctx.define(inst, toResult(`textureLoad(${img.text}, ${c}${layer}${info.ms ? sample : lod})`), true, true);
      return;
    }
    case Op.ImageWrite: {
      markImage(ctx, img.text, false, true, false);
      const { c, layer } = coords(a[1]);
      const texel = ctx.value(a[2]);
      ctx.line(`textureStore(${img.text}, ${c}${layer}, ${ctx.as(texel, texelKind)});`);
      return;
    }
    case Op.ImageQuerySize: case Op.ImageQuerySizeLod: {
      const lod = inst.op === Op.ImageQuerySizeLod ? `, ${ctx.value(a[1]).text}` : '';
      let text = `textureDimensions(${img.text}${lod})`;
      if (info.arrayed) text = `vec${n.n}<u32>(textureDimensions(${img.text}${lod}), textureNumLayers(${img.text}))`;
      ctx.define(inst, n.scalar === 'u32' ? text : `${vecName(n.scalar, n.n)}(${text})`, true);
      return;
    }
    case Op.ImageQueryLevels: case Op.ImageQuerySamples: {
      const text = `${inst.op === Op.ImageQueryLevels ? 'textureNumLevels' : 'textureNumSamples'}(${img.text})`;
      ctx.define(inst, n.scalar === 'u32' ? text : `${n.scalar}(${text})`, true);
      return;
    }
    default:
      ctx.fail(`${opName(inst.op)} is not supported in compute shaders`);
  }
}
