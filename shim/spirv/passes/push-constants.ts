// Push constants, which WebGPU lacks, become a uniform block: the PushConstant variable (at most
// one per entry point in Vulkan) moves to the Uniform storage class with DescriptorSet `set` and
// Binding 0, and its pointer types follow. The shim binds that set to a buffer holding, for each
// dispatch, the bytes vkCmdPushConstants recorded before it (shim/src/commands/push-constants.ts). The
// block keeps its explicit Offset decorations, which the uniform path reads words at.
import { SpirvTranslationError } from '../errors.js';
import { Decoration, Op, StorageClass } from '../opcodes.js';

const TYPE_OPS = new Set<number>([Op.TypeVoid, Op.TypeBool, Op.TypeInt, Op.TypeFloat, Op.TypeStruct, Op.TypePointer]);

export interface PushConstantBlock {
  /** The descriptor set the block now lives in (binding 0). */
  set: number;
  /** The variable's id. */
  variable: number;
}

/** The set after the highest DescriptorSet the module decorates (where the block goes by default). */
function nextFreeSet(words: Uint32Array): number {
  let next = 0;
  for (let pos = 5; pos < words.length && words[pos] >>> 16 > 0; pos += words[pos] >>> 16) {
    if ((words[pos] & 0xffff) === Op.Decorate && words[pos + 2] === Decoration.DescriptorSet) next = Math.max(next, words[pos + 3] + 1);
  }
  return next;
}

/**
 * Rewrites the module's push constant block into a uniform block of `set` (by default the set
 * after the module's own); undefined when the module has none.
 */
export function lowerPushConstants(words: Uint32Array, set = nextFreeSet(words)): { words: Uint32Array; block: PushConstantBlock } | undefined {
  let variable = 0;
  const pushPointers = new Set<number>();
  let decorationsAt = -1;
  for (let pos = 5; pos < words.length; ) {
    const count = words[pos] >>> 16;
    const op = words[pos] & 0xffff;
    if (count === 0 || pos + count > words.length) return undefined; // malformed: the parser reports where
    if (op === Op.Decorate && decorationsAt < 0) decorationsAt = pos;
    if (op === Op.TypePointer && words[pos + 2] === StorageClass.PushConstant) pushPointers.add(words[pos + 1]);
    if (op === Op.Variable && words[pos + 3] === StorageClass.PushConstant) {
      if (variable !== 0) throw new SpirvTranslationError(pos, op, 'more than one push constant variable');
      variable = words[pos + 2];
    }
    pos += count;
  }
  if (variable === 0) return undefined;
  const out = Array.from(words);
  for (let pos = 5; pos < out.length; ) {
    const count = out[pos] >>> 16;
    const op = out[pos] & 0xffff;
    if (op === Op.TypePointer && pushPointers.has(out[pos + 1])) out[pos + 2] = StorageClass.Uniform;
    if (op === Op.Variable && out[pos + 2] === variable) out[pos + 3] = StorageClass.Uniform;
    pos += count;
  }
  // Decorations belong with the others (before types); a module with none gets them before the first type.
  let at = decorationsAt;
  if (at < 0) {
    at = 5;
    while (at < out.length && !TYPE_OPS.has(out[at] & 0xffff)) at += out[at] >>> 16;
  }
  out.splice(at, 0, (4 << 16) | Op.Decorate, variable, Decoration.DescriptorSet, set, (4 << 16) | Op.Decorate, variable, Decoration.Binding, 0);
  return { words: Uint32Array.from(out), block: { set, variable } };
}
