// Runs the shared cases under Deno on its WebGPU (wgpu):
//   deno run --sloppy-imports --allow-read test/api/wgpu-fixtures-main.ts FIXTURES [ENTRY [NAME_PREFIX]]
// ENTRY is the module the Runtime comes from (default: the browser entry's source, which registers
// Deno's platform; dist/src/index.browser.js is the package's). Prints one JSON line per case
// (CaseResult), read by fixtures.test.ts.

import type { Runtime as RuntimeClass } from '../../src/index.js';
import { runCases, type CaseIo } from '../helpers/case.js';
import { fixtureCases } from '../helpers/fixture-cases.js';

declare const Deno: { args: string[]; cwd(): string; readFile(path: string): Promise<Uint8Array> };

const [fixtures, entry = 'src/index.browser.ts', prefix = ''] = Deno.args;
const { Runtime } = (await import(new URL(entry, `file://${Deno.cwd()}/`).href)) as { Runtime: typeof RuntimeClass };
const io: CaseIo = {
  fixture: (name) => `${fixtures}/${name}`,
  example: (name) => new URL(`../../examples/modules/${name}`, import.meta.url).pathname,
  readFile: (path) => Deno.readFile(path),
};
const rt = await Runtime.create();
console.log(JSON.stringify({ adapter: rt.adapterInfo?.description ?? '' }));
await runCases(rt, io, fixtureCases.filter((c) => c.name.startsWith(prefix)), (r) => console.log(JSON.stringify(r)));
await rt.destroy();
