// The WGSL helpers of deterministic mode's float passes (passes/exact-arithmetic.ts,
// exact-division.ts, exact-conversion.ts, soft-math.ts), by name. The IR calls one through a
// DetCall naming it (IrModule.helpers); the printer adds the helper's text and those of the
// helpers it calls.
import type { ScalarKind } from './types.js';
import { EXACT_ARITHMETIC } from './exact-arithmetic.js';
import { EXACT_CONVERSION } from './exact-conversion.js';
import { EXACT_DIVISION } from './exact-division.js';
import { SOFT_MATH } from './soft-math.js';

const CODE: Record<string, string> = { ...EXACT_ARITHMETIC, ...EXACT_DIVISION, ...EXACT_CONVERSION, ...SOFT_MATH };

export interface DetSignature {
  name: string;
  params: ScalarKind[];
  result: ScalarKind;
}

/** The helper's parameter and result kinds, read from its WGSL declaration. */
export function detSignature(name: string): DetSignature {
  const code = CODE[name];
  if (code === undefined) throw new Error(`no deterministic helper ${name}`);
  const m = /^fn \w+\(([^)]*)\) -> (\w+)/.exec(code);
  if (!m) throw new Error(`deterministic helper ${name} has no signature`);
  const params = m[1].split(',').map((p) => p.split(':')[1].trim() as ScalarKind);
  return { name, params, result: m[2] as ScalarKind };
}

/** Adds the text of `name` and of every helper it calls to `helpers`. */
export function addDetHelper(helpers: Map<string, string>, name: string): void {
  if (helpers.has(name)) return;
  const code = CODE[name];
  helpers.set(name, code);
  for (const [, callee] of code.matchAll(/\b(det_\w+)\(/g)) if (callee !== name && CODE[callee] !== undefined) addDetHelper(helpers, callee);
}
