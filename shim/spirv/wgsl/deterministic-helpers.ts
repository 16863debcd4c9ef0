// The WGSL helpers of deterministic mode's float passes (passes/exact-arithmetic.ts,
// exact-division.ts, exact-conversion.ts, soft-math.ts), by name. The IR calls one through a
// DetCall whose first argument is the helper's index here; the printer adds the helper's text
// and those of the helpers it calls.
import type { ScalarKind } from './types.js';
import { EXACT_ARITHMETIC } from './exact-arithmetic.js';
import { EXACT_CONVERSION } from './exact-conversion.js';
import { EXACT_DIVISION } from './exact-division.js';
import { SOFT_MATH } from './soft-math.js';

const CODE: Record<string, string> = { ...EXACT_ARITHMETIC, ...EXACT_DIVISION, ...EXACT_CONVERSION, ...SOFT_MATH };

/** Every helper's name, in the order DetCall indexes them. */
export const DET_HELPERS: readonly string[] = Object.keys(CODE).sort();

export interface DetSignature {
  name: string;
  params: ScalarKind[];
  result: ScalarKind;
}

/** The helper's parameter and result kinds, read from its WGSL declaration. */
export function detSignature(index: number): DetSignature {
  const name = DET_HELPERS[index];
  const m = /^fn \w+\(([^)]*)\) -> (\w+)/.exec(CODE[name]);
  if (!m) throw new Error(`deterministic helper ${name} has no signature`);
  const params = m[1].split(',').map((p) => p.split(':')[1].trim() as ScalarKind);
  return { name, params, result: m[2] as ScalarKind };
}

/** The index of the helper `name` (a DetCall's first argument). */
export function detHelper(name: string): number {
  const i = DET_HELPERS.indexOf(name);
  if (i < 0) throw new Error(`no deterministic helper ${name}`);
  return i;
}

/** Adds the text of `name` and of every helper it calls to `helpers`. */
export function addDetHelper(helpers: Map<string, string>, name: string): void {
  if (helpers.has(name)) return;
  const code = CODE[name];
  helpers.set(name, code);
  for (const [, callee] of code.matchAll(/\b(det_\w+)\(/g)) if (callee !== name && CODE[callee] !== undefined) addDetHelper(helpers, callee);
}
