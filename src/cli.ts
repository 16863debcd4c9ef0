#!/usr/bin/env node
// taichi-wasm command line. Subcommands live in one table; each parses its own arguments with
// node:util parseArgs and writes through `io`, so tests can call main() and read the output.
import { existsSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import { zipSync } from 'fflate';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { encodePng, imageOf } from './cli-png.js';
import { moduleDeclarations, typeNameFor } from './kernel-types.js';
import { SpirvTranslationError, translateSpirv } from '../shim/spirv/translate.js';
import { Runtime, NdArray, TaichiError, describeModule, type RuntimeOptions, type ModuleDescription, type ArgumentSignature, type ArgumentValue } from './index.js';
import { DTYPES, isDType } from './dtype.js';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const processIo: CliIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

interface Subcommand {
  usage: string;
  summary: string;
  run: (args: string[], io: CliIo) => Promise<number>;
}

function readWords(path: string): Uint32Array {
  const bytes = readFileSync(path);
  if (bytes.byteLength % 4 !== 0) throw new Error(`${path}: ${bytes.byteLength} bytes is not a whole number of 32-bit words`);
  const copy = new Uint8Array(bytes);
  return new Uint32Array(copy.buffer, copy.byteOffset, copy.byteLength >>> 2);
}

const subcommands: Record<string, Subcommand> = {
  translate: {
    usage: 'translate <file.spv> [--entry <name>] [--reflect]',
    summary: 'print the WGSL for a SPIR-V compute module (--reflect: its bindings and grid-stride loop bounds as JSON on stderr)',
    run: async (args, io) => {
      const { values, positionals } = parseArgs({
        args, allowPositionals: true,
        options: { entry: { type: 'string' }, reflect: { type: 'boolean', default: false } },
      });
      if (positionals.length !== 1) throw new UsageError('translate takes one .spv file');
      try {
        const r = translateSpirv(readWords(positionals[0]), { entryPoint: values.entry });
        io.out(r.wgsl);
        if (values.reflect) {
          io.err(JSON.stringify({ entryPoint: r.entryPoint, workgroupSize: r.workgroupSize, bindings: r.bindings, gridStride: r.gridStride }, null, 2) + '\n');
        }
        return 0;
      } catch (e) {
        if (!(e instanceof SpirvTranslationError)) throw e;
        io.err(`${positionals[0]}: ${e.message}\n`);
        return 1;
      }
    },
  },
  inspect: {
    usage: 'inspect <module> [--json]',
    summary: 'list the kernels and compute graphs of an AOT module (.tcm or directory) with their arguments (--json: as JSON); needs no GPU',
    run: async (args, io) => {
      const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
      if (positionals.length !== 1) throw new UsageError('inspect takes one module');
      const mod = await describePath(positionals[0], io);
      if (!mod) return 1;
      if (values.json) {
        io.out(JSON.stringify(mod, null, 2) + '\n');
        return 0;
      }
      for (const k of mod.kernels) io.out(`kernel ${k.name}(${k.args.map(describeArg).join(', ')})\n`);
      for (const g of mod.graphs) io.out(`graph ${g.name} [${g.dispatches} dispatches](${g.args.map(describeArg).join(', ')})\n`);
      return 0;
    },
  },
  types: {
    usage: 'types <module.tcm> [--out <file.d.ts>] [--name <Interface>]',
    summary: 'write TypeScript declarations of the module\'s kernels and graphs, for runtime.loadModule<Interface>(): a wrong argument becomes a compile error',
    run: async (args, io) => {
      const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string', short: 'o' }, name: { type: 'string' } } });
      if (positionals.length !== 1) throw new UsageError('types takes one module');
      const path = positionals[0];
      const typeName = values.name ?? typeNameFor(path);
      if (!/^[A-Za-z_$][\w$]*$/.test(typeName)) throw new UsageError(`--name '${typeName}' is not a TypeScript identifier`);
      const mod = await describePath(path, io);
      if (!mod) return 1;
      const text = moduleDeclarations(typeName, basename(path), mod.kernels, mod.graphs);
      if (values.out) writeFileSync(values.out, text);
      else io.out(text);
      return 0;
    },
  },
  run: {
    usage: 'run <module> <kernel|graph> [name=value ...] [--times <n>] [--png <name>=<file.png>] [--deterministic]',
    summary: 'launch a kernel or graph (--times: n times, with a progress bar) and summarise its ndarrays; values: name=f32[640,320] (a zeroed ndarray; the element shape comes from the signature), name=0.3 (scalar), name=1,2,3 (tensor); --png writes a 2-D ndarray as a picture; --deterministic: every range-for in index order on one invocation (docs/deterministic.md), each ndarray with the SHA-256 of its bytes',
    run: async (args, io) => {
      const { values: options, positionals } = parseArgs({
        args, allowPositionals: true,
        options: { times: { type: 'string', default: '1' }, png: { type: 'string', multiple: true, default: [] }, deterministic: { type: 'boolean', default: false } },
      });
      if (positionals.length < 2) throw new UsageError('run takes a module, a kernel or graph name, and arguments');
      const times = Number(options.times);
      if (!Number.isSafeInteger(times) || times < 1) throw new UsageError(`--times must be a positive integer, got '${options.times}'`);
      const pngs = options.png.map((spec) => {
        const eq = spec.indexOf('=');
        if (eq <= 0 || !spec.endsWith('.png')) throw new UsageError(`--png takes name=file.png, got '${spec}'`);
        return { name: spec.slice(0, eq), file: spec.slice(eq + 1) };
      });
      const [path, name, ...assignments] = positionals;
      return withModule(path, io, { deterministic: options.deterministic }, async (runtime, mod) => {
        const kernel = mod.kernels.find((k) => k.name === name);
        const graph = mod.graphs.find((g) => g.name === name);
        const signature = kernel ?? graph;
        if (!signature) {
          io.err(`no kernel or graph named '${name}'; the module has ${[...mod.kernels, ...mod.graphs].map((s) => s.name).join(', ')}\n`);
          return 1;
        }
        const given = new Map<string, string>();
        for (const a of assignments) {
          const eq = a.indexOf('=');
          if (eq <= 0) throw new UsageError(`argument '${a}' is not name=value`);
          given.set(a.slice(0, eq), a.slice(eq + 1));
        }
        // The metadata's names, also without Taichi's leading underscore (`a` for `_a`).
        const find = (key: string) => signature.args.find((s) => s.name === key || s.name === `_${key}`);
        const names = signature.args.map((s) => s.name).join(', ');
        for (const key of [...given.keys(), ...pngs.map((p) => p.name)]) {
          if (!find(key)) throw new UsageError(`'${name}' has no argument '${key}'; its arguments are ${names}`);
        }
        const values = new Map<string, ArgumentValue>();
        for (const sig of signature.args) {
          const text = given.get(sig.name) ?? given.get(sig.name.replace(/^_/, ''));
          if (text === undefined) throw new UsageError(`missing argument ${sig.name} (${describeArg(sig)})`);
          values.set(sig.name, parseValue(runtime, sig, text));
        }
        const progress = times > 1 ? progressBar(io, times) : undefined;
        const started = performance.now();
        for (let i = 0; i < times; i++) {
          if (kernel) mod.kernel(name).launch(...kernel.args.map((s) => values.get(s.name)!));
          else mod.graph(name).launch(Object.fromEntries(values));
          if (progress && (i % 16 === 15 || i === times - 1)) {
            await runtime.wait();
            progress(i + 1);
          }
        }
        await runtime.wait();
        const ms = performance.now() - started;
        io.out(`${kernel ? 'kernel' : 'graph'} ${name}: ran ${times === 1 ? '' : `${times} times `}in ${ms.toFixed(1)} ms${times > 1 ? ` (${(ms / times).toFixed(3)} ms each)` : ''}\n`);
        for (const [argName, value] of values) {
          if (!(value instanceof NdArray)) continue;
          const data = await value.read();
          const digest = options.deterministic ? `, sha256 ${createHash('sha256').update(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)).digest('hex')}` : '';
          io.out(`  ${argName}: ${summarise(value, data)}${digest}\n`);
        }
        for (const { name: key, file } of pngs) {
          const value = values.get(find(key)!.name);
          if (!(value instanceof NdArray)) throw new UsageError(`--png ${key}: not an ndarray`);
          writeFileSync(file, encodePng(imageOf(value.shape, value.elementShape, await value.read())));
          io.out(`  wrote ${file}\n`);
        }
        return 0;
      });
    },
  },
};

/** Draws `done of total` as a bar on stderr, in place where stderr is a terminal. */
function progressBar(io: CliIo, total: number): (done: number) => void {
  const tty = io === processIo && process.stderr.isTTY;
  let last = -1;
  return (done) => {
    const percent = Math.floor((100 * done) / total);
    if (percent === last) return;
    last = percent;
    const bar = '#'.repeat(Math.round(percent / 5)).padEnd(20, '.');
    io.err(`${tty ? '\r' : ''}[${bar}] ${percent}% (${done}/${total})${tty && done < total ? '' : '\n'}`);
  };
}

function describeArg(a: ArgumentSignature): string {
  const name = a.name;
  if (a.kind === 'ndarray') return `${name}: ndarray<${a.dtype}, ndim=${a.ndim}${a.elementShape.length ? `, element=[${a.elementShape.join(',')}]` : ''}>`;
  if (a.kind === 'tensor') return `${name}: tensor<${a.dtype}, [${a.elementShape.join(',')}]>`;
  return `${name}: ${a.kind}<${a.dtype}>`;
}

function parseValue(runtime: Runtime, sig: ArgumentSignature, text: string): ArgumentValue {
  const label = sig.name;
  if (sig.kind === 'ndarray') {
    const m = /^(\w+)\[([\d,\s]+)\]$/.exec(text);
    if (!m) throw new UsageError(`${label}: an ndarray is given as dtype[shape], e.g. ${sig.dtype}[${new Array(sig.ndim).fill(16).join(',')}]`);
    if (!isDType(m[1])) throw new UsageError(`${label}: '${m[1]}' is not an ndarray dtype (one of ${Object.keys(DTYPES).join(', ')})`);
    return runtime.ndarray(m[1], m[2].split(',').map(Number), { elementShape: sig.elementShape });
  }
  const numbers = text.split(',').map(Number);
  if (text === '' || numbers.some((x) => Number.isNaN(x))) throw new UsageError(`${label}: '${text}' is not a number${sig.kind === 'tensor' ? ' list' : ''}`);
  return sig.kind === 'tensor' ? numbers : numbers[0];
}

function summarise(a: NdArray, values: ArrayLike<number>): string {
  let [min, max, sum, nonFinite] = [Infinity, -Infinity, 0, 0];
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (!Number.isFinite(x)) {
      nonFinite++;
      continue;
    }
    min = Math.min(min, x);
    max = Math.max(max, x);
    sum += x;
  }
  const finite = values.length - nonFinite;
  const first = Array.from({ length: Math.min(6, values.length) }, (_, i) => +values[i].toPrecision(6));
  const shape = `${a.dtype}[${a.shape.join(',')}]${a.elementShape.length ? `(${a.elementShape.join(',')})` : ''}`;
  const stats = finite ? `min ${+min.toPrecision(6)} max ${+max.toPrecision(6)} mean ${+(sum / finite).toPrecision(6)}` : 'no finite values';
  return `${shape} ${stats}${nonFinite ? `, ${nonFinite} non-finite` : ''}; first [${first.join(', ')}]`;
}

/** The signatures of the module at `path` (a .tcm or a module directory), read without a GPU; undefined, with the reason printed, on failure. */
async function describePath(path: string, io: CliIo): Promise<ModuleDescription | undefined> {
  if (!existsSync(path)) {
    io.err(`${path}: no such file or directory\n`);
    return undefined;
  }
  const bytes = statSync(path).isDirectory()
    ? zipSync(Object.fromEntries(readdirSync(path).filter((name) => statSync(join(path, name)).isFile()).map((name) => [name, new Uint8Array(readFileSync(join(path, name)))])))
    : new Uint8Array(readFileSync(path));
  try {
    return await describeModule(bytes);
  } catch (e) {
    if (!(e instanceof TaichiError)) throw e;
    io.err(`${path}: ${e.message}\n`);
    return undefined;
  }
}

/** Creates a runtime, loads the module, runs `fn`, and always tears both down. */
async function withModule(path: string, io: CliIo, options: RuntimeOptions, fn: (runtime: Runtime, mod: Awaited<ReturnType<Runtime['loadModule']>>) => Promise<number>): Promise<number> {
  if (!existsSync(path)) {
    io.err(`${path}: no such file or directory\n`);
    return 1;
  }
  const runtime = await Runtime.create(options);
  try {
    const mod = await runtime.loadModule(path);
    try {
      return await fn(runtime, mod);
    } finally {
      await mod.destroy();
    }
  } catch (e) {
    if (!(e instanceof TaichiError)) throw e;
    io.err(`${path}: ${e.message}\n`);
    return 1;
  } finally {
    await runtime.destroy();
  }
}

class UsageError extends Error {}

function usage(): string {
  const lines = Object.values(subcommands).map((s) => `  taichi-wasm ${s.usage}\n      ${s.summary}`);
  return `usage:\n${lines.join('\n')}\n  taichi-wasm --version\n  taichi-wasm --help\n`;
}

/** The package's version, from the package.json above this file (src/ in a checkout, dist/src/ when built). */
function version(): string {
  for (const up of ['../package.json', '../../package.json']) {
    const url = new URL(up, import.meta.url);
    if (!existsSync(url)) continue;
    const pkg = JSON.parse(readFileSync(url, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === 'taichi-wasm' && pkg.version) return pkg.version;
  }
  return 'unknown';
}

const isHelp = (arg: string | undefined) => arg === '--help' || arg === '-h' || arg === 'help';

/** Runs the command line `argv` (without node and the script); resolves to the exit status. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-V') {
    io.out(`taichi-wasm ${version()}\n`);
    return 0;
  }
  if (isHelp(name)) {
    io.out(usage());
    return 0;
  }
  const sub = name === undefined ? undefined : subcommands[name];
  if (sub === undefined) {
    io.err(name === undefined ? usage() : `unknown subcommand '${name}'\n${usage()}`);
    return 2;
  }
  if (rest.some(isHelp)) {
    io.out(`usage: taichi-wasm ${sub.usage}\n  ${sub.summary}\n`);
    return 0;
  }
  try {
    return await sub.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError || (e instanceof Error && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))) {
      io.err(`${e.message}\nusage: taichi-wasm ${sub.usage}\n`);
      return 2;
    }
    throw e;
  }
}

// Run only when executed (directly or through the npm bin link), not when imported by tests.
// The exit is explicit because Dawn can keep Node's event loop alive after the work is done.
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
