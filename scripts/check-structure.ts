// The structure rules of the source tree, checked by `npm test` (test/repo/structure.test.ts) and by
// `node dist/scripts/check-structure.js`: no import circle among the modules of src/, shim/src/
// and shim/spirv/ (type-only imports count: a layer that names a type of the layer above it
// depends on it), no import across a boundary (BOUNDARIES; and in test/, a module that tests of
// two folders share lives in test/helpers, which imports no test folder), and no source file over
// MAX_LINES lines in src/, shim/, wasm/src/ or scripts/. A file that says it is generated in its
// first lines is exempt from the size rule: its size is the data's.

import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, dirname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MAX_LINES = 600;

/** Folders whose modules must not import each other in a circle. */
export const LAYERED = ['src', 'shim/src', 'shim/spirv'];

/** Modules a folder's modules must not import, and why. */
export interface Boundary {
  folder: string;
  forbidden: string[];
  why: string;
}

export const BOUNDARIES: Boundary[] = [
  { folder: 'shim/spirv/wgsl', forbidden: ['shim/spirv/parse.ts'], why: 'the WGSL printer reads the IR (shim/spirv/ir/) and nothing else' },
  { folder: 'shim/spirv', forbidden: ['shim/src', 'src'], why: 'the translator is the bottom layer: it imports nothing of the shim or the API' },
  { folder: 'shim/spirv/passes', forbidden: ['shim/spirv/wgsl'], why: 'passes rewrite the IR; the WGSL printer runs after them and knows nothing they need' },
  { folder: 'shim/spirv/ir', forbidden: ['shim/spirv/passes', 'shim/spirv/wgsl'], why: 'the IR sits below the passes that rewrite it and the printer that reads it' },
  { folder: 'shim/src/objects', forbidden: ['shim/src/commands', 'shim/src/entry'], why: 'Vulkan objects import nothing above them: commands record into them, entry points look them up' },
  { folder: 'shim/src/commands', forbidden: ['shim/src/entry'], why: 'entry points decode vk* calls and call commands, never the reverse' },
];
/** Folders whose source files must stay under MAX_LINES. */
export const SIZED = ['src', 'shim', 'wasm/src', 'scripts'];

const SOURCE = /\.(ts|mts|mjs|js|cpp|cc|c|h|hpp|py|sh)$/;
const MODULE = /\.(ts|mts)$/;

function filesUnder(root: string, folder: string, pattern: RegExp): string[] {
  const base = join(root, folder);
  if (!existsSync(base)) return [];
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (pattern.test(name) && !name.endsWith('.d.ts')) out.push(path);
    }
  };
  walk(base);
  return out.sort();
}

const IMPORT = /(?:^|[^\w.])(?:import|export)\s[^'";]*?\sfrom\s*['"]([^'"]+)['"]|(?:^|[^\w.])import\s*['"]([^'"]+)['"]|(?:^|[^\w.])import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The relative module specifiers a TypeScript file imports or re-exports (comments skipped). */
export function importsOf(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const found: string[] = [];
  for (const m of code.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (spec.startsWith('.')) found.push(spec);
  }
  return found;
}

/** The file a relative specifier names: NodeNext writes `./x.js` for `./x.ts`. */
function resolveSpecifier(from: string, spec: string): string | undefined {
  const target = resolve(dirname(from), spec);
  for (const candidate of [target.replace(/\.js$/, '.ts'), target.replace(/\.mjs$/, '.mts'), target, `${target}.ts`, join(target, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** Every import circle among `files`, each as the files around it (first file repeated last). */
export function findCycles(files: readonly string[]): string[][] {
  const inSet = new Set(files);
  const edges = new Map<string, string[]>();
  for (const file of files) {
    const targets = importsOf(readFileSync(file, 'utf8'))
      .map((spec) => resolveSpecifier(file, spec))
      .filter((t): t is string => t !== undefined && inSet.has(t));
    edges.set(file, [...new Set(targets)]);
  }
  // Tarjan's strongly connected components: each component of more than one file (or a file
  // importing itself) holds a circle; one circle through it is reported.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const connect = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (edges.get(v) ?? []).includes(v)) cycles.push(circleIn(new Set(component), v, edges));
  };
  for (const file of files) if (!index.has(file)) connect(file);
  return cycles;
}

/** A shortest path from `start` back to itself inside one strongly connected component. */
function circleIn(component: Set<string>, start: string, edges: Map<string, string[]>): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of edges.get(v) ?? []) {
      if (w === start) {
        const path: string[] = [];
        for (let at = v; at !== start; at = previous.get(at)!) path.unshift(at);
        return [start, ...path, start];
      }
      if (component.has(w) && !previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

function generated(text: string): boolean {
  return /generated by|do not edit/i.test(text.split('\n', 4).join('\n'));
}

/** Source files over MAX_LINES lines, generated ones excepted. */
export function findOversized(files: readonly string[]): { file: string; lines: number }[] {
  const out: { file: string; lines: number }[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    if (lines > MAX_LINES && !generated(text)) out.push({ file, lines });
  }
  return out;
}

/** The imports of the files under each boundary's folder that reach a module (or folder) it forbids. */
export function findCrossings(root: string, boundaries: readonly Boundary[]): { file: string; imports: string; why: string }[] {
  const rel = (p: string): string => relative(root, p).split(sep).join('/');
  const out: { file: string; imports: string; why: string }[] = [];
  for (const b of boundaries) {
    for (const file of filesUnder(root, b.folder, MODULE)) {
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        const target = resolveSpecifier(file, spec);
        if (target === undefined) continue;
        const t = rel(target);
        if (b.forbidden.some((f) => t === f || t.startsWith(`${f}/`))) out.push({ file: rel(file), imports: t, why: b.why });
      }
    }
  }
  return out;
}

/** Test folders (test/<layer>/) whose modules import another layer's modules: shared ones go to test/helpers. */
export function findTestCrossings(root: string): { file: string; imports: string; why: string }[] {
  const rel = (p: string): string => relative(root, p).split(sep).join('/');
  const layer = (path: string): string | undefined => /^test\/([^/]+)\//.exec(path)?.[1];
  const out: { file: string; imports: string; why: string }[] = [];
  for (const file of filesUnder(root, 'test', MODULE)) {
    const from = layer(rel(file));
    if (from === undefined) continue;
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      const target = resolveSpecifier(file, spec);
      const to = target === undefined ? undefined : layer(rel(target));
      if (to === undefined || to === from || to === 'helpers') continue;
      const why = from === 'helpers' ? 'test/helpers imports no test folder' : 'a module that two test folders share lives in test/helpers';
      out.push({ file: rel(file), imports: rel(target!), why });
    }
  }
  return out;
}

export interface StructureReport {
  cycles: string[][];
  crossings: { file: string; imports: string; why: string }[];
  oversized: { file: string; lines: number }[];
}

/** The structure rules applied to the checkout at `root`; paths in the report are relative to it. */
export function checkStructure(root: string): StructureReport {
  const rel = (p: string): string => relative(root, p).split(sep).join('/');
  const modules = LAYERED.flatMap((f) => filesUnder(root, f, MODULE));
  const sources = SIZED.flatMap((f) => filesUnder(root, f, SOURCE));
  return {
    cycles: findCycles(modules).map((c) => c.map(rel)),
    crossings: [...findCrossings(root, BOUNDARIES), ...findTestCrossings(root)],
    oversized: findOversized(sources).map((o) => ({ file: rel(o.file), lines: o.lines })),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { cycles, crossings, oversized } = checkStructure(process.cwd());
  for (const c of cycles) console.error(`import circle: ${c.join(' -> ')}`);
  for (const x of crossings) console.error(`${x.file} imports ${x.imports}: ${x.why}`);
  for (const o of oversized) console.error(`${o.file}: ${o.lines} lines (at most ${MAX_LINES})`);
  process.exitCode = cycles.length + crossings.length + oversized.length > 0 ? 1 : 0;
}
