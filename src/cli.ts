#!/usr/bin/env node
// taichi-wasm command line. Subcommands live in one table; each parses its own arguments with
// node:util parseArgs.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SpirvTranslationError, translateSpirv } from '../shim/spirv/translate.js';

interface Subcommand {
  usage: string;
  summary: string;
  run: (args: string[]) => Promise<number>;
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
    summary: 'print the WGSL for a SPIR-V compute module (--reflect: the binding reflection as JSON on stderr)',
    run: async (args) => {
      const { values, positionals } = parseArgs({
        args, allowPositionals: true,
        options: { entry: { type: 'string' }, reflect: { type: 'boolean', default: false } },
      });
      if (positionals.length !== 1) throw new UsageError('translate takes one .spv file');
      try {
        const r = translateSpirv(readWords(positionals[0]), { entryPoint: values.entry });
        process.stdout.write(r.wgsl);
        if (values.reflect) {
          process.stderr.write(JSON.stringify({ entryPoint: r.entryPoint, workgroupSize: r.workgroupSize, bindings: r.bindings }, null, 2) + '\n');
        }
        return 0;
      } catch (e) {
        if (!(e instanceof SpirvTranslationError)) throw e;
        process.stderr.write(`${positionals[0]}: ${e.message}\n`);
        return 1;
      }
    },
  },
};

class UsageError extends Error {}

function usage(): string {
  const lines = Object.values(subcommands).map((s) => `  taichi-wasm ${s.usage}\n      ${s.summary}`);
  return `usage:\n${lines.join('\n')}\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const sub = name === undefined ? undefined : subcommands[name];
  if (sub === undefined) {
    process.stderr.write(name === undefined || name === '--help' || name === '-h' ? usage() : `unknown subcommand "${name}"\n${usage()}`);
    return name === '--help' || name === '-h' ? 0 : 2;
  }
  try {
    return await sub.run(rest);
  } catch (e) {
    if (e instanceof UsageError || (e instanceof Error && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`${e.message}\nusage: taichi-wasm ${sub.usage}\n`);
      return 2;
    }
    throw e;
  }
}

process.exitCode = await main(process.argv.slice(2));
