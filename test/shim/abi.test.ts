// Checks the TypeScript ABI tables (the Vulkan ones generated from the Khronos header by
// scripts/gen-vk-abi.mjs, the Taichi ones kept by hand) against what emcc (wasm32 clang) computes
// from the C headers: every struct's size, alignment and field offsets, every enum value and every
// enum's size. It also compiles the headers strictly as C11 and C++17, and compiles the
// static-assert files that pin the wasm32 ABI.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { isStructLayout, type StructLayout } from '../../shim/src/abi/layout.js';
import * as vkEnums from '../../shim/src/abi/vk-enums.js';
import * as vkStructs from '../../shim/src/abi/vk-structs.js';
import * as tiEnums from '../../src/abi/taichi-enums.js';
import * as tiStructs from '../../src/abi/taichi-structs.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const INCLUDES = ['-I', join(ROOT, 'wasm/include'), '-isystem', join(ROOT, 'wasm/build/include')];
// The Debian emscripten's JS optimizer finds acorn only through Debian's node modules.
const EMCC_ENV = { ...process.env, NODE_PATH: '/usr/share/nodejs' };
const STRICT = ['-Wall', '-Wextra', '-Werror'];

function layoutsOf(module: Record<string, unknown>): StructLayout[] {
  return Object.values(module).filter(
    (value): value is StructLayout =>
      typeof value === 'object' && value !== null && isStructLayout(value as StructLayout),
  );
}

interface EnumEntry {
  enumName: string;
  cName: string;
  value: number;
}

function enumEntries(module: Record<string, unknown>, prefixes: Record<string, string>): EnumEntry[] {
  const entries: EnumEntry[] = [];
  for (const [enumName, prefix] of Object.entries(prefixes)) {
    const values = module[enumName] as Record<string, number>;
    for (const [key, value] of Object.entries(values)) {
      entries.push({ enumName, cName: prefix + key, value });
    }
  }
  return entries;
}

const STRUCTS = [
  ...layoutsOf(vkStructs as Record<string, unknown>),
  ...layoutsOf(tiStructs as Record<string, unknown>),
];
const ENUMS = [
  ...enumEntries(vkEnums as Record<string, unknown>, vkEnums.VK_ENUM_C_PREFIX),
  ...enumEntries(tiEnums as Record<string, unknown>, tiEnums.TI_ENUM_C_PREFIX),
];
const ENUM_TYPES = [
  ...Object.keys(vkEnums.VK_ENUM_C_PREFIX),
  ...Object.keys(tiEnums.TI_ENUM_C_PREFIX),
];
// TiError mixes negative members with 0xffffffff, which needs a 64-bit underlying type (as
// with gcc on x86-64); every other enum here fits in 32 bits.
const EXPECTED_ENUM_SIZE: Record<string, number> = { TiError: 8 };

// One JSON object per line keeps the generated printf calls free of separator bookkeeping.
function probeSource(): string {
  const lines: string[] = [
    '#include <stddef.h>',
    '#include <stdio.h>',
    '#include <taichi/taichi.h>',
    'int main(void) {',
  ];
  for (const s of STRUCTS) {
    lines.push(
      `  printf("{\\"struct\\":\\"${s.name}\\",\\"size\\":%zu,\\"align\\":%zu}\\n", ` +
        `sizeof(${s.name}), _Alignof(${s.name}));`,
    );
    for (const f of s.fields) {
      lines.push(
        `  printf("{\\"struct\\":\\"${s.name}\\",\\"field\\":\\"${f.name}\\",\\"offset\\":%zu,` +
          `\\"size\\":%zu}\\n", offsetof(${s.name}, ${f.name}), sizeof(((${s.name} *)0)->${f.name}));`,
      );
    }
  }
  for (const e of ENUMS) {
    lines.push(`  printf("{\\"enum\\":\\"${e.cName}\\",\\"value\\":%lld}\\n", (long long)(${e.cName}));`);
  }
  for (const t of ENUM_TYPES) {
    lines.push(`  printf("{\\"enumType\\":\\"${t}\\",\\"size\\":%zu}\\n", sizeof(${t}));`);
  }
  lines.push('  return 0;', '}', '');
  return lines.join('\n');
}

interface ProbeLine {
  struct?: string;
  field?: string;
  enum?: string;
  enumType?: string;
  size?: number;
  align?: number;
  offset?: number;
  value?: number;
}

let dir = '';

function emcc(args: string[], compiler = 'emcc'): void {
  execFileSync(compiler, args, { cwd: dir, env: EMCC_ENV, stdio: 'pipe' });
}

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'taichi-wasm-abi-'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('wasm32 ABI of the C headers', () => {
  let probe: ProbeLine[] = [];

  beforeAll(() => {
    const source = write('probe.c', probeSource());
    // SINGLE_FILE embeds the wasm so Node's glue never tries to fetch() a file path.
    emcc([...STRICT, '-std=c11', ...INCLUDES, source, '-o', 'probe.cjs', '-sENVIRONMENT=node', '-sSINGLE_FILE=1']);
    const out = execFileSync(process.execPath, [join(dir, 'probe.cjs')], { encoding: 'utf8' });
    probe = out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as ProbeLine);
  });

  it('has a struct table entry for every struct it probes', () => {
    expect(STRUCTS.length).toBeGreaterThan(80);
    expect(new Set(STRUCTS.map((s) => s.name)).size).toBe(STRUCTS.length);
  });

  it('matches every struct size and alignment', () => {
    const measured = Object.fromEntries(
      probe.filter((p) => p.struct && !p.field).map((p) => [p.struct, { size: p.size, align: p.align }]),
    );
    const computed = Object.fromEntries(STRUCTS.map((s) => [s.name, { size: s.size, align: s.align }]));
    expect(computed).toEqual(measured);
  });

  it('matches every field offset and size', () => {
    const measured = probe
      .filter((p) => p.field)
      .map((p) => `${p.struct}.${p.field} @${p.offset} +${p.size}`);
    const computed = STRUCTS.flatMap((s) => s.fields.map((f) => `${s.name}.${f.name} @${f.offset} +${f.size}`));
    expect(computed).toEqual(measured);
  });

  it('matches every enum value', () => {
    const measured = Object.fromEntries(probe.filter((p) => p.enum).map((p) => [p.enum, p.value]));
    const computed = Object.fromEntries(ENUMS.map((e) => [e.cName, e.value]));
    expect(computed).toEqual(measured);
  });

  it('has the expected enum sizes (TiError is 8 bytes, the rest 4)', () => {
    const measured = Object.fromEntries(probe.filter((p) => p.enumType).map((p) => [p.enumType, p.size]));
    const expected = Object.fromEntries(ENUM_TYPES.map((t) => [t, EXPECTED_ENUM_SIZE[t] ?? 4]));
    expect(measured).toEqual(expected);
  });

  it('keeps the layouts this project depends on', () => {
    expect(tiStructs.TiArgument.size).toBe(152);
    expect(tiStructs.TiNamedArgument.size).toBe(160);
    expect(tiStructs.TiMemorySlice.offsets.offset).toBe(8);
    expect(vkStructs.VkBufferCreateInfo.offsets.size).toBe(16);
    expect(vkStructs.VkPhysicalDeviceLimits.size).toBe(496);
    expect(vkStructs.VkPhysicalDeviceProperties.size).toBe(816);
  });
});

describe('the headers compile strictly', () => {
  const all = '#include <taichi/taichi.h>\n#include <vulkan/vulkan.h>\nint main(void) { return ti_get_version() == 0; }\n';

  it('as C11', () => {
    const src = write('strict.c', all);
    emcc([...STRICT, '-std=c11', ...INCLUDES, '-c', src, '-o', 'strict_c.o']);
  });

  it('as C11 without prototypes', () => {
    const src = write('noproto.c', '#define VK_NO_PROTOTYPES\n#include <vulkan/vulkan.h>\nPFN_vkCreateInstance create;\n');
    emcc([...STRICT, '-std=c11', ...INCLUDES, '-c', src, '-o', 'noproto.o']);
  });

  it('as C++17', () => {
    const src = write('strict.cpp', all.replace('(void)', '()'));
    emcc([...STRICT, '-std=c++17', ...INCLUDES, '-c', src, '-o', 'strict_cpp.o'], 'em++');
  });

  const checks = '#include <taichi/taichi.h>\n#include <taichi/taichi_abi_check.h>\n';

  it('passes the wasm32 static asserts as C11', () => {
    const src = write('checks.c', checks);
    emcc([...STRICT, '-std=c11', ...INCLUDES, '-c', src, '-o', 'checks_c.o']);
  });

  it('passes the wasm32 static asserts as C++17', () => {
    const src = write('checks.cpp', checks);
    emcc([...STRICT, '-std=c++17', ...INCLUDES, '-c', src, '-o', 'checks_cpp.o'], 'em++');
  });
});
