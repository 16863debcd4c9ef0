// TypeScript declarations of a module's kernels and graphs (`taichi-wasm types`): one interface
// that loadModule<M>() takes, so a wrong argument (count, kind, dtype, ndim, element shape) is a
// compile error in the user's code rather than an INVALID_ARGUMENT at launch.
import type { ArgumentSignature, GraphSignature, KernelSignature } from './module.js';

/** The TS type a value for `arg` must have. */
function argumentType(arg: ArgumentSignature): string {
  switch (arg.kind) {
    case 'ndarray':
      return `NdArray<'${arg.dtype}', ${arg.ndim}, readonly [${arg.elementShape.join(', ')}]>`;
    case 'scalar':
      return 'number';
    case 'tensor':
      return 'readonly number[]';
    case 'texture':
    case 'rw_texture':
      return 'Image | TextureArgument';
  }
}

/** `arg` in words, for the doc comment: `x: f32 ndarray, 2-D, elements [3]`. */
function describe(arg: ArgumentSignature): string {
  if (arg.kind === 'ndarray') return `${arg.name}: ${arg.dtype} ndarray, ${arg.ndim}-D${arg.elementShape.length ? `, elements [${arg.elementShape.join(', ')}]` : ''}`;
  if (arg.kind === 'tensor') return `${arg.name}: ${arg.dtype}[${arg.elementShape.join(', ')}]`;
  if (arg.kind === 'scalar') return `${arg.name}: ${arg.dtype}`;
  return `${arg.name}: ${arg.kind}`;
}

/** A tuple label: the name where it is an identifier, else `argN`. */
function label(name: string, index: number): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : `arg${index}`;
}

/** An interface name from a file name: `mpm88.cgraph.tcm` -> `Mpm88Cgraph`. */
export function typeNameFor(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.tcm$/, '');
  const name = base.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  return /^[A-Za-z]/.test(name) ? name : `Module${name}`;
}

/** The .d.ts text declaring `typeName` for a module with these kernels and graphs. */
export function moduleDeclarations(typeName: string, source: string, kernels: readonly KernelSignature[], graphs: readonly GraphSignature[]): string {
  const lines = [
    `// Written by \`taichi-wasm types ${source}\`: that module's kernels and graphs, for`,
    `// \`runtime.loadModule<${typeName}>(...)\`. Write it again when the module changes.`,
    "import type { Image, NdArray, TextureArgument } from 'taichi-wasm';",
    '',
    `export interface ${typeName} {`,
    '  kernels: {',
  ];
  for (const k of kernels) {
    lines.push(`    /** ${k.name}(${k.args.map(describe).join('; ')}) */`);
    lines.push(`    ${JSON.stringify(k.name)}: [${k.args.map((a, i) => `${label(a.name, i)}: ${argumentType(a)}`).join(', ')}];`);
  }
  lines.push('  };', '  graphs: {');
  for (const g of graphs) {
    lines.push(`    /** ${g.name}: ${g.dispatches} dispatches */`);
    lines.push(`    ${JSON.stringify(g.name)}: { ${g.args.map((a) => `${JSON.stringify(a.name)}: ${argumentType(a)};`).join(' ')} };`);
  }
  lines.push('  };', '}', '');
  return lines.join('\n');
}
