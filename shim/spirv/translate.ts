// SPIR-V compute module -> WGSL plus binding reflection. The passes on words (specialization
// constants, push constants, 16-bit integers) run before parsing, the one on the parsed module
// (aliased bindings) after it; the module is then lifted to the IR (ir/: each reachable function
// with its structured tree, the types, constants and variables with their decorations). On the
// IR the grid-stride analysis reads the entry point's loop as written (for the dispatch
// sizing), the uniform-barrier-loop or the deterministic index-order pass rewrites it, the idiom,
// float-atomic and image passes follow, the printer (wgsl/) writes the IR out and reflect.ts
// lists the bindings.
import { SpirvTranslationError } from './errors.js';
import type { GridStride } from './grid-stride-bounds.js';
import { liftModule } from './ir/lift.js';
import { ExecutionModel } from './opcodes.js';
import { parseSpirv } from './parse.js';
import { mergeAliasedBindings, type AliasGroup } from './passes/alias-bindings.js';
import { floatAtomics } from './passes/float-atomics.js';
import { casLoops } from './passes/cas-loop.js';
import { floorDivisions } from './passes/floor-division.js';
import { findGridStrideLoop, gridStrideBounds } from './passes/grid-stride.js';
import { lowerImages } from './passes/images.js';
import { deterministicFloats } from './passes/deterministic-floats.js';
import { IndexOrderRefusal, runInIndexOrder } from './passes/index-order.js';
import { widenNarrowInts } from './passes/narrow-int.js';
import { lowerPushConstants } from './passes/push-constants.js';
import { relinearize } from './passes/relinearize.js';
import { shiftMasks } from './passes/shift-mask.js';
import { foldSpecConstants, type SpecializationValues } from './passes/spec-constants.js';
import { uniformBarrierLoop } from './passes/uniform-barrier-loop.js';
import { reflectBindings, type BindingReflection } from './reflect.js';
import { emitWgsl } from './wgsl/module.js';
import { TypeTable } from './wgsl/types.js';

export type { BindingKind, BindingReflection } from './reflect.js';
export type { BoundExpr, GridStride } from './grid-stride-bounds.js';
export { COMBINED_SAMPLER_BINDING_OFFSET } from './wgsl/names.js';
export { SpirvTranslationError, SpirvUnsupportedError } from './errors.js';
export type { AliasGroup } from './passes/alias-bindings.js';
export { IndexOrderRefusal } from './passes/index-order.js';

export type { SpecializationValues } from './passes/spec-constants.js';

export interface TranslateOptions {
  entryPoint?: string;
  /** The device has WebGPU's shader-f16 feature: float16 becomes f16 (otherwise it is refused). */
  f16?: boolean;
  /** Specialization constant values by SpecId (VkSpecializationInfo); others keep their defaults. */
  specialization?: SpecializationValues;
  /** The descriptor set the push constant block becomes (binding 0); default: the one after the module's. */
  pushConstantSet?: number;
  /** Storage bindings the caller fills with one buffer: each group becomes one binding (passes/alias-bindings.ts). */
  aliases?: readonly AliasGroup[];
  /**
   * Deterministic mode: the entry point runs on one invocation, its range-for in index order
   * (passes/index-order.ts), its float operations computed the same way on every adapter
   * (passes/deterministic-floats.ts); throws IndexOrderRefusal for one whose results depend on its
   * workgroup or on the adapter's rounding.
   */
  indexOrder?: boolean;
  /**
   * The device has WebGPU's subgroups feature: a float atomic add whose result nothing reads
   * adds the values of the invocations of a subgroup that target the same cell first, and one of
   * them updates the cell (wgsl/atomics.ts).
   */
  subgroups?: boolean;
}

export interface TranslationResult {
  wgsl: string;
  entryPoint: string;
  workgroupSize: [number, number, number];
  bindings: BindingReflection[];
  /** The set holding the push constant block as a uniform buffer, when the shader has one. */
  pushConstantSet?: number;
  /** Set when any grid of at least one workgroup runs the same iterations (passes/grid-stride.ts). */
  gridStride?: GridStride;
  /** Set in deterministic mode: the shader runs as one workgroup of one invocation, whatever the dispatch asks. */
  oneInvocation?: true;
}

export function translateSpirv(words: Uint32Array, options: TranslateOptions = {}): TranslationResult {
  try {
    const specialized = foldSpecConstants(words, options.specialization);
    const pushed = lowerPushConstants(specialized, options.pushConstantSet);
    // The passes below rewrite instructions in place, and instructions are views of the words
    // parsed: the caller's words (a shader module's, translated again for each variant) are copied.
    const source = widenNarrowInts(pushed?.words ?? specialized);
    const mod = parseSpirv(source === words ? words.slice() : source);
    if (options.aliases) mergeAliasedBindings(mod, options.aliases);
    const computes = mod.entryPoints.filter((e) => e.model === ExecutionModel.GLCompute);
    const entry = options.entryPoint === undefined ? computes[0] : computes.find((e) => e.name === options.entryPoint);
    if (entry === undefined) {
      const names = computes.map((e) => `"${e.name}"`).join(', ') || 'none';
      const what = options.entryPoint === undefined ? 'the module has no GLCompute entry point' : `no GLCompute entry point named "${options.entryPoint}"`;
      throw new SpirvTranslationError(5, undefined, `${what} (GLCompute entry points: ${names})`);
    }
    if (!mod.functions.has(entry.fn)) throw new SpirvTranslationError(entry.offset, 15, `entry point function %${entry.fn} is not defined`);
    const ir = liftModule(mod, entry);
    // The dispatch sizing reads the loop as written; the pass then rewrites it in place.
    const found = options.indexOrder ? undefined : findGridStrideLoop(ir);
    const gridStride = gridStrideBounds(found);
    if (found && gridStride) uniformBarrierLoop(ir, found);
    if (options.indexOrder) runInIndexOrder(ir);
    for (const f of ir.functions) {
      floorDivisions(ir, f);
      relinearize(ir, f);
      shiftMasks(ir, f);
      // One invocation in deterministic mode: no exchange contends, and the loop's add stays an
      // FAdd that passes/deterministic-floats.ts computes exactly.
      if (!options.indexOrder) casLoops(ir, f);
      floatAtomics(ir, f);
      lowerImages(f);
      if (options.indexOrder) deterministicFloats(ir, f);
    }
    const emitted = emitWgsl(ir, options.f16, options.subgroups === true && !options.indexOrder);
    const types = new TypeTable(ir.types, options.f16);
    const result: TranslationResult = {
      wgsl: emitted.wgsl,
      entryPoint: emitted.entryName,
      workgroupSize: emitted.workgroupSize,
      bindings: reflectBindings(ir, types, emitted),
    };
    if (pushed) result.pushConstantSet = pushed.block.set;
    if (gridStride) result.gridStride = gridStride;
    if (options.indexOrder) result.oneInvocation = true;
    return result;
  } catch (e) {
    if (e instanceof SpirvTranslationError || e instanceof IndexOrderRefusal) throw e;
    // Internal failures (including stack exhaustion on absurd nesting) still name a place.
    const reason = e instanceof Error ? `internal error: ${e.message}` : `internal error: ${String(e)}`;
    throw new SpirvTranslationError(0, undefined, reason);
  }
}
