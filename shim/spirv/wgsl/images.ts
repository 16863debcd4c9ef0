// Image instructions -> texture builtins (sampling and loads as passes/images.ts lowered them,
// writes and queries).
import { IrOp, type Instruction } from '../ir/ir.js';
import { Op, opName } from '../opcodes.js';
import type { IrType } from '../ir/module.js';
import { vecName } from './types.js';
import { SWIZZLE } from './names.js';
import { type Expr, Printer } from './printer.js';

export function isImageSample(op: number): boolean {
  return op >= Op.ImageSampleImplicitLod && op <= Op.ImageSampleProjDrefExplicitLod;
}

export function imageInfo(ctx: Printer, e: Expr): Extract<IrType, { kind: 'image' }> {
  const t = ctx.types.get(e.type);
  const img = t.kind === 'sampled-image' ? ctx.types.get(t.image) : t;
  if (img.kind !== 'image') ctx.fail('operand is not an image');
  return img;
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
  const coords = (id: number): { c: string; layer: string } => {
    if (!info.arrayed) return { c: ctx.value(id).text, layer: '' };
    const e = ctx.pin(id);
    const cn = ctx.types.numeric1(e.type).n;
    const sw = SWIZZLE.slice(0, cn - 1).join('');
    const layer = ctx.types.numeric1(e.type).scalar === 'f32' ? `i32(round(${e.text}.${SWIZZLE[cn - 1]}))` : `${e.text}.${SWIZZLE[cn - 1]}`;
    return { c: `${e.text}.${sw}`, layer: `, ${layer}` };
  };
  switch (inst.op) {
    case IrOp.SampleLevel: case IrOp.SampleGrad: {
      if (img.sampler === undefined) ctx.fail('sampling needs a sampled image');
      const { c, layer } = coords(a[1]);
      const offsetAt = inst.op === IrOp.SampleLevel ? 3 : 4;
      const off = a[offsetAt] !== 0 ? `, ${ctx.value(a[offsetAt]).text}` : '';
      let text: string;
      if (inst.op === IrOp.SampleLevel) {
        const lod = ctx.value(a[2]);
        text = `textureSampleLevel(${img.text}, ${img.sampler}, ${c}${layer}, ${info.depth === 1 ? `i32(${lod.text})` : lod.text}${off})`;
      } else {
        text = `textureSampleGrad(${img.text}, ${img.sampler}, ${c}${layer}, ${ctx.value(a[2]).text}, ${ctx.value(a[3]).text}${off})`;
      }
      ctx.define(inst, toResult(text), true, true);
      return;
    }
    case IrOp.TextureLoad: {
      const { c, layer } = coords(a[1]);
      const lod = info.sampled === 2 ? '' : `, ${a[2] !== 0 ? ctx.value(a[2]).text : '0'}`;
      const sample = a[3] !== 0 ? `, ${ctx.value(a[3]).text}` : '';
      ctx.define(inst, toResult(`textureLoad(${img.text}, ${c}${layer}${info.ms ? sample : lod})`), true, true);
      return;
    }
    case Op.ImageWrite: {
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
