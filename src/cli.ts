#!/usr/bin/env node
// taichi-wasm command line. Subcommands live in one table; each parses its own arguments with
// node:util parseArgs and writes through `io`, so tests can call main() and read the output.
import { readFileSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { SpirvTranslationError, translateSpirv } from '../shim/spirv/translate.js';
import { Runtime, NdArray, TaichiError, type ArgumentSignature, type ArgumentValue, type DType } from './index.js';

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
    usage: 'inspect <module>',
    summary: 'list the kernels and compute graphs of an AOT module (.tcm or directory) with their arguments',
    run: async (args, io) => {
      const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
      if (positionals.length !== 1) throw new UsageError('inspect takes one module');
      return withModule(positionals[0], io, async (_runtime, mod) => {
        for (const k of mod.kernels) io.out(`kernel ${k.name}(${k.args.map(describeArg).join(', ')})\n`);
        for (const g of mod.graphs) io.out(`graph ${g.name} [${g.dispatches} dispatches](${g.args.map(describeArg).join(', ')})\n`);
        return 0;
      });
    },
  },
  run: {
    usage: 'run <module> <kernel|graph> [name=value ...]',
    summary: 'launch a kernel or graph once and summarise its ndarrays; values: name=f32[640,320] (a zeroed ndarray; the element shape comes from the signature), name=0.3 (scalar), name=1,2,3 (tensor)',
    run: async (args, io) => {
      const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
      if (positionals.length < 2) throw new UsageError('run takes a module, a kernel or graph name, and arguments');
      const [path, name, ...assignments] = positionals;
      return withModule(path, io, async (runtime, mod) => {
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
        const values = new Map<string, ArgumentValue>();
        for (const sig of signature.args) {
          const text = given.get(sig.name) ?? given.get(sig.name.replace(/^_/, ''));
          if (text === undefined) throw new UsageError(`missing argument ${sig.name.replace(/^_/, '')} (${describeArg(sig)})`);
          values.set(sig.name, parseValue(runtime, sig, text));
        }
        for (const key of given.keys()) {
          if (!signature.args.some((s) => s.name === key || s.name === `_${key}`)) throw new UsageError(`'${name}' has no argument '${key}'`);
        }
        const started = performance.now();
        if (kernel) mod.kernel(name).launch(...kernel.args.map((s) => values.get(s.name)!));
        else mod.graph(name).launch(Object.fromEntries(values));
        await runtime.wait();
        io.out(`${kernel ? 'kernel' : 'graph'} ${name}: ran in ${(performance.now() - started).toFixed(1)} ms\n`);
        for (const [argName, value] of values) {
          if (value instanceof NdArray) io.out(`  ${argName.replace(/^_/, '')}: ${summarise(value, await value.read())}\n`);
        }
        return 0;
      });
    },
  },
};

function describeArg(a: ArgumentSignature): string {
  const name = a.name.replace(/^_/, '');
  if (a.kind === 'ndarray') return `${name}: ndarray<${a.dtype}, ndim=${a.ndim}${a.elementShape.length ? `, element=[${a.elementShape.join(',')}]` : ''}>`;
  if (a.kind === 'tensor') return `${name}: tensor<${a.dtype}, [${a.elementShape.join(',')}]>`;
  return `${name}: ${a.kind}<${a.dtype}>`;
}

function parseValue(runtime: Runtime, sig: ArgumentSignature, text: string): ArgumentValue {
  const label = sig.name.replace(/^_/, '');
  if (sig.kind === 'ndarray') {
    const m = /^(\w+)\[([\d,\s]+)\]$/.exec(text);
    if (!m) throw new UsageError(`${label}: an ndarray is given as dtype[shape], e.g. ${sig.dtype}[${new Array(sig.ndim).fill(16).join(',')}]`);
    return runtime.ndarray(m[1] as DType, m[2].split(',').map(Number), { elementShape: sig.elementShape });
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

/** Creates a runtime, loads the module, runs `fn`, and always tears both down. */
async function withModule(path: string, io: CliIo, fn: (runtime: Runtime, mod: Awaited<ReturnType<Runtime['loadModule']>>) => Promise<number>): Promise<number> {
  const runtime = await Runtime.create();
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
  return `usage:\n${lines.join('\n')}\n`;
}

/** Runs the command line `argv` (without node and the script); resolves to the exit status. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  const sub = name === undefined ? undefined : subcommands[name];
  if (sub === undefined) {
    io.err(name === undefined || name === '--help' || name === '-h' ? usage() : `unknown subcommand "${name}"\n${usage()}`);
    return name === '--help' || name === '-h' ? 0 : 2;
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
