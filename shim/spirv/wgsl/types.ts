// IR types -> WGSL type names and WGSL host-shareable layouts.
import { SpirvTranslationError, SpirvUnsupportedError } from '../errors.js';
import type { IrType } from '../ir/module.js';
import { opName } from '../opcodes.js';
import type { Instruction } from '../ir/ir.js';

export type ScalarKind = 'bool' | 'i32' | 'u32' | 'f32' | 'f16';

export interface NumericInfo { scalar: ScalarKind; n: number }

export interface Layout { align: number; size: number }

interface StructLayout extends Layout {
  // @size attribute per member (0: none), making WGSL member offsets equal SPIR-V's Offsets.
  sizeAttrs: number[];
  error: string | null; // why the SPIR-V offsets cannot be expressed, if they cannot
}

export function vecName(kind: ScalarKind, n: number): string {
  return n === 1 ? kind : `vec${n}<${kind}>`;
}

const roundUp = (a: number, v: number): number => Math.ceil(v / a) * a;

/**
 * A bitcast between a 32-bit word and two halves. naga (wgpu) types bitcast<vec2<f16>>(u32) as a
 * scalar and refuses bitcast<u32>(vec2<f16>), so the pair goes through unpack2x16float and
 * pack2x16float, which convert every half exactly (all 65,536 patterns round-trip on Dawn and
 * wgpu; only a NaN's payload may change). Other bitcasts are WGSL's own.
 */
export function bitcastText(from: string, to: string, x: string): string {
  if (to === 'vec2<f16>' && (from === 'u32' || from === 'i32')) return `vec2<f16>(unpack2x16float(${from === 'u32' ? x : `bitcast<u32>(${x})`}))`;
  if (from === 'vec2<f16>' && (to === 'u32' || to === 'i32')) {
    const word = `pack2x16float(vec2<f32>(${x}))`;
    return to === 'u32' ? word : `bitcast<i32>(${word})`;
  }
  return `bitcast<${to}>(${x})`;
}

export class TypeTable {
  // The instruction being translated, so that type errors name the opcode and result id using it.
  current: Instruction | null = null;
  readonly structDecls: string[] = [];
  private readonly names = new Map<number, string>();
  private readonly atomicNames = new Map<number, string>();
  private readonly numeric = new Map<number, NumericInfo | null>();
  private readonly layouts = new Map<number, Layout>();
  private readonly structLayouts = new Map<number, StructLayout>();

  /** Set once an f16 type is named: the shader then needs `enable f16;`. */
  usesF16 = false;

  /** `f16`: the device has WebGPU's shader-f16 feature, so float16 becomes WGSL's f16. */
  constructor(
    private readonly types: ReadonlyMap<number, IrType>,
    private readonly f16 = false,
  ) {}

  /** Throws at the current instruction; `unsupported`: the SPIR-V is valid but WGSL here cannot express it. */
  fail(reason: string, unsupported = false): never {
    const Failure = unsupported ? SpirvUnsupportedError : SpirvTranslationError;
    const inst = this.current;
    if (inst === null) throw new Failure(0, undefined, reason);
    const what = inst.id !== 0 ? `${opName(inst.op)} %${inst.id}` : opName(inst.op);
    throw new Failure(inst.offset, inst.op, `${what}: ${reason}`);
  }

  get(id: number): IrType {
    const t = this.types.get(id);
    if (t === undefined) this.fail(`%${id} is not a type`);
    return t;
  }

  describe(id: number): string {
    const t = this.types.get(id);
    if (t === undefined) return `%${id}`;
    switch (t.kind) {
      case 'int': return `%${id} (${t.signed ? '' : 'u'}int${t.width})`;
      case 'float': return `%${id} (float${t.width})`;
      case 'vector': return `%${id} (vector of ${this.describe(t.elem)})`;
      case 'matrix': return `%${id} (matrix of ${this.describe(t.column)})`;
      default: return `%${id} (${t.kind})`;
    }
  }

  private unsupported(id: number): never {
    this.fail(`type ${this.describe(id)} has no WGSL equivalent (WGSL has 32-bit int, uint and float, and f16 with shader-f16)`, true);
  }

  // Scalar or vector type -> scalar kind and component count; null for other types.
  info(id: number): NumericInfo | null {
    const hit = this.numeric.get(id);
    if (hit !== undefined) return hit;
    const t = this.get(id);
    let r: NumericInfo | null = null;
    if (t.kind === 'bool') r = { scalar: 'bool', n: 1 };
    else if (t.kind === 'int') {
      if (t.width !== 32) this.unsupported(id);
      r = { scalar: t.signed ? 'i32' : 'u32', n: 1 };
    } else if (t.kind === 'float') {
      if (t.width === 16 && !this.f16) this.fail(`type ${this.describe(id)} needs WebGPU's shader-f16 feature, which the device lacks`, true);
      if (t.width !== 32 && t.width !== 16) this.unsupported(id);
      this.usesF16 ||= t.width === 16;
      r = { scalar: t.width === 16 ? 'f16' : 'f32', n: 1 };
    } else if (t.kind === 'vector') {
      const e = this.info(t.elem);
      if (e === null) this.fail(`vector component type %${t.elem} is not a scalar`);
      r = { scalar: e.scalar, n: t.count };
    }
    this.numeric.set(id, r);
    return r;
  }

  numeric1(id: number): NumericInfo {
    const i = this.info(id);
    if (i === null) this.fail(`type ${this.describe(id)} is not a scalar or vector`);
    return i;
  }

  // WGSL name of a type. With `atomic`, 32-bit scalar leaves outside vectors become atomic<...>
  // (floats as atomic<u32>, reached through bitcasts).
  wgsl(id: number, atomic = false): string {
    const cache = atomic ? this.atomicNames : this.names;
    const hit = cache.get(id);
    if (hit !== undefined) return hit;
    const t = this.get(id);
    let s: string;
    switch (t.kind) {
      case 'void': this.fail('void is not a value type');
      // falls through (fail never returns)
      case 'bool': case 'int': case 'float': {
        const k = this.info(id)!.scalar;
        if (atomic && k === 'f16') this.fail('WGSL has no 16-bit atomics');
        s = atomic && k !== 'bool' ? `atomic<${k === 'i32' ? 'i32' : 'u32'}>` : k;
        break;
      }
      case 'vector': { const i = this.info(id)!; s = vecName(i.scalar, i.n); break; }
      case 'matrix': {
        const c = this.info(t.column);
        if (c === null || c.scalar !== 'f32' || c.n < 2) this.fail(`matrix column type ${this.describe(t.column)} is not a float vector`);
        s = `mat${t.columns}x${c.n}<f32>`;
        break;
      }
      case 'array': s = `array<${this.wgsl(t.elem, atomic)}, ${t.length}>`; break;
      case 'runtime-array': s = `array<${this.wgsl(t.elem, atomic)}>`; break;
      case 'struct': s = this.declareStruct(id, t.members, atomic); break;
      case 'sampler': s = 'sampler'; break;
      default: this.fail(`type ${this.describe(id)} cannot be named in WGSL`);
    }
    cache.set(id, s);
    return s;
  }

  // Storage textures need the access mode, which the caller derives from how the shader uses them.
  imageType(id: number, access: 'read' | 'write' | 'read_write'): string {
    const t = this.get(id);
    if (t.kind !== 'image') this.fail(`%${id} is not an image type`);
    const dims = ['1d', '2d', '3d', 'cube'];
    if (t.dim > 3) this.fail(`image dimensionality ${t.dim} (Rect, Buffer, SubpassData) has no WGSL texture type`);
    const dim = dims[t.dim] + (t.arrayed ? '_array' : '');
    if (t.sampled === 2) return `texture_storage_${dim}<${storageFormat(id, this)}, ${access}>`;
    if (t.depth === 1) return `texture_depth_${t.ms ? 'multisampled_' : ''}${dim}`;
    const k = this.info(t.sampledType);
    if (k === null || k.n !== 1 || k.scalar === 'bool') this.fail(`image sampled type ${this.describe(t.sampledType)} is not a 32-bit scalar`);
    return `texture_${t.ms ? 'multisampled_' : ''}${dim}<${k.scalar}>`;
  }

  private declareStruct(id: number, members: number[], atomic: boolean): string {
    const name = atomic ? `SA_${id}` : `S_${id}`;
    const lay = this.structLayout(id);
    const parts: string[] = [];
    for (let i = 0; i < members.length; i++) {
      const attr = lay.error === null && lay.sizeAttrs[i] > 0 ? `@size(${lay.sizeAttrs[i]}) ` : '';
      parts.push(`  ${attr}m${i}: ${this.wgsl(members[i], atomic)},`);
    }
    if (parts.length === 0) this.fail(`struct %${id} has no members (WGSL structs need one)`);
    this.structDecls.push(`struct ${name} {\n${parts.join('\n')}\n}`);
    return name;
  }

  // WGSL layout (alignment and size) of a host-shareable type; a runtime array counts one element.
  layout(id: number): Layout {
    const hit = this.layouts.get(id);
    if (hit !== undefined) return hit;
    const t = this.get(id);
    let r: Layout;
    switch (t.kind) {
      case 'bool': case 'int': case 'float': this.info(id); r = { align: 4, size: 4 }; break;
      case 'vector': this.info(id); r = { align: t.count === 2 ? 8 : 16, size: 4 * t.count }; break;
      case 'matrix': {
        const col = this.layout(t.column);
        r = { align: col.align, size: t.columns * roundUp(col.align, col.size) };
        break;
      }
      case 'array': case 'runtime-array': {
        const e = this.layout(t.elem);
        const stride = roundUp(e.align, e.size);
        r = { align: e.align, size: (t.kind === 'array' ? t.length : 1) * stride };
        break;
      }
      case 'struct': r = this.structLayout(id); break;
      default: this.fail(`type ${this.describe(id)} is not host-shareable`);
    }
    this.layouts.set(id, r);
    return r;
  }

  private structLayout(id: number): StructLayout {
    const hit = this.structLayouts.get(id);
    if (hit !== undefined) return hit;
    const t = this.get(id);
    if (t.kind !== 'struct') this.fail(`%${id} is not a struct`);
    const sizeAttrs = new Array<number>(t.members.length).fill(0);
    let error: string | null = null;
    let align = 1;
    let end = 0;
    let prevOffset = 0;
    for (let i = 0; i < t.members.length; i++) {
      const m = this.types.get(t.members[i]);
      if (m === undefined || m.kind === 'image' || m.kind === 'sampler' || m.kind === 'sampled-image' || m.kind === 'pointer') {
        error = 'member is not host-shareable';
        break;
      }
      const l = this.layout(t.members[i]);
      align = Math.max(align, l.align);
      const natural = roundUp(l.align, end);
      const want = t.layout[i].offset;
      let at = natural;
      if (want !== undefined && want !== natural) {
        if (want < natural || want % l.align !== 0 || i === 0) {
          error = `member ${i} at Offset ${want} cannot be placed by WGSL (natural offset ${natural}, alignment ${l.align})`;
        } else {
          sizeAttrs[i - 1] = want - prevOffset;
          at = want;
        }
      }
      prevOffset = at;
      end = at + l.size;
    }
    const r: StructLayout = { align, size: roundUp(align, end), sizeAttrs, error };
    this.structLayouts.set(id, r);
    return r;
  }

  // Checks that a buffer's SPIR-V explicit layout (Offset, ArrayStride, MatrixStride) is the
  // WGSL layout of the emitted type, so that both read the same bytes.
  checkHostLayout(id: number, matrixStride = 0): void {
    const t = this.get(id);
    if (t.kind === 'struct') {
      const lay = this.structLayout(id);
      if (lay.error !== null) this.fail(`struct %${id}: ${lay.error}`);
      for (let i = 0; i < t.members.length; i++) {
        const d = t.layout[i];
        if (d.rowMajor) this.fail(`struct %${id} member ${i} is RowMajor, which a WGSL storage buffer cannot express`);
        this.checkHostLayout(t.members[i], d.matrixStride ?? 0);
      }
    } else if (t.kind === 'array' || t.kind === 'runtime-array') {
      const stride = t.stride;
      const e = this.layout(t.elem);
      const natural = roundUp(e.align, e.size);
      if (stride !== undefined && stride !== natural) this.fail(`array %${id} has ArrayStride ${stride}; WGSL's stride for ${this.wgsl(t.elem)} is ${natural}`);
      this.checkHostLayout(t.elem, matrixStride);
    } else if (t.kind === 'matrix') {
      const col = this.layout(t.column);
      const natural = roundUp(col.align, col.size);
      if (matrixStride !== 0 && matrixStride !== natural) this.fail(`matrix %${id} has MatrixStride ${matrixStride}; WGSL's is ${natural}`);
    }
  }

  // Size in bytes of a type under SPIR-V explicit layout decorations (for uniform blocks).
  explicitSize(id: number, matrixStride: number, rowMajor: boolean): number {
    const t = this.get(id);
    switch (t.kind) {
      case 'bool': case 'int': case 'float': this.info(id); return 4;
      case 'vector': this.info(id); return 4 * t.count;
      case 'matrix': {
        const col = this.numeric1(t.column);
        const stride = matrixStride || 16;
        return rowMajor ? col.n * stride : t.columns * stride;
      }
      case 'array': {
        const stride = t.stride ?? this.explicitSize(t.elem, matrixStride, rowMajor);
        return t.length * stride;
      }
      case 'runtime-array': this.fail('a uniform block cannot hold a runtime array');
      // falls through (fail never returns)
      case 'struct': {
        let end = 0;
        for (let i = 0; i < t.members.length; i++) {
          const d = t.layout[i];
          if (d.offset === undefined) this.fail(`uniform block struct %${id} member ${i} has no Offset decoration`);
          end = Math.max(end, d.offset + this.explicitSize(t.members[i], d.matrixStride ?? 0, d.rowMajor ?? false));
        }
        return end;
      }
      default: this.fail(`type ${this.describe(id)} cannot live in a uniform block`);
    }
  }
}

// SPIR-V Image Format -> WebGPU storage texture format.
const FORMATS: Record<number, GPUTextureFormat> = {
  1: 'rgba32float', 2: 'rgba16float', 3: 'r32float', 4: 'rgba8unorm', 5: 'rgba8snorm', 6: 'rg32float',
  21: 'rgba32sint', 22: 'rgba16sint', 23: 'rgba8sint', 24: 'r32sint', 25: 'rg32sint',
  30: 'rgba32uint', 31: 'rgba16uint', 32: 'rgba8uint', 33: 'r32uint', 35: 'rg32uint',
};

// SPIR-V's Image Format names, by value, for error messages.
const FORMAT_NAMES = [
  'Unknown', 'Rgba32f', 'Rgba16f', 'R32f', 'Rgba8', 'Rgba8Snorm', 'Rg32f', 'Rg16f', 'R11fG11fB10f', 'R16f', 'Rgba16', 'Rgb10A2',
  'Rg16', 'Rg8', 'R16', 'R8', 'Rgba16Snorm', 'Rg16Snorm', 'Rg8Snorm', 'R16Snorm', 'R8Snorm', 'Rgba32i', 'Rgba16i', 'Rgba8i',
  'R32i', 'Rg32i', 'Rg16i', 'Rg8i', 'R16i', 'R8i', 'Rgba32ui', 'Rgba16ui', 'Rgba8ui', 'R32ui', 'Rgb10a2ui', 'Rg32ui', 'Rg16ui',
  'Rg8ui', 'R16ui', 'R8ui', 'R64ui', 'R64i',
];

/**
 * The WebGPU storage texture format of a storage image type. WGSL types a storage texture's
 * texels by its format (f32, i32 or u32), so the image's sampled type must agree with it.
 */
export function storageFormat(imageType: number, types: TypeTable): GPUTextureFormat {
  const t = types.get(imageType);
  if (t.kind !== 'image') types.fail(`%${imageType} is not an image type`);
  const name = FORMAT_NAMES[t.format] ?? `${t.format}`;
  const f = FORMATS[t.format];
  if (f === undefined) {
    types.fail(`storage image format ${name} has no WebGPU storage texture format (WebGPU stores ${[...new Set(Object.values(FORMATS))].join(', ')})`);
  }
  const texel = f.endsWith('sint') ? 'i32' : f.endsWith('uint') ? 'u32' : 'f32';
  const sampled = types.info(t.sampledType)?.scalar;
  if (sampled !== texel) {
    types.fail(`storage image of format ${name} (${f}, ${texel} texels) is declared with ${sampled ?? 'a non-scalar'} texels: WebGPU cannot convert between them`);
  }
  return f;
}
