// A module lifted to the IR (shim/spirv/ir/) for the passes' own tests, and what they look for in it.
import { liftModule } from '../../../shim/spirv/ir/lift.js';
import { entryFunction, type IrFunction, type IrModule } from '../../../shim/spirv/ir/ir.js';
import type { Instruction } from '../../../shim/spirv/parse.js';
import { parseSpirv } from '../../../shim/spirv/parse.js';

export function lifted(words: Uint32Array): { ir: IrModule; main: IrFunction } {
  const mod = parseSpirv(words);
  const ir = liftModule(mod, mod.entryPoints[0]);
  return { ir, main: entryFunction(ir) };
}

/** The instructions of `f` with opcode `op`, in block order. */
export function withOp(f: IrFunction, op: number): Instruction[] {
  return f.fn.blocks.flatMap((b) => b.body.filter((inst) => inst.op === op));
}
