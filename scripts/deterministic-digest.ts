// Prints one digest per case of the differential corpus (test/taichi/taichi) run in deterministic
// mode, `<sha256>  <group>/<case>` (or `refused <code>  <group>/<case>`), then one line digesting
// them all. Two machines that print the same lines computed the same bits (docs/deterministic.md).
//
//   npm run build:ts && node dist/scripts/deterministic-digest.js
//
// Runs from the repository (the corpus is read from test/taichi) on the platform's default
// adapter, which it names on stderr.
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { Runtime } from '../src/index.node.js';
import { cases } from '../test/helpers/corpus-manifest.js';
import { corpusDigests } from '../test/helpers/corpus-digest.js';
import { readFromDisk } from '../test/helpers/corpus-run.js';

/** The corpus root, from this file's place in the repository or in dist/. */
function corpusRoot(): string {
  const here = new URL('.', import.meta.url);
  const up = here.pathname.includes('/dist/scripts/') ? '../../' : '../';
  return fileURLToPath(new URL(`${up}test/taichi`, here));
}

async function main(): Promise<void> {
  const root = corpusRoot();
  const runtime = await Runtime.create({ deterministic: true });
  const info = runtime.adapterInfo;
  process.stderr.write(`adapter: ${[info?.vendor, info?.architecture, info?.device, info?.description].filter(Boolean).join(' / ') || 'unknown'}\n`);
  try {
    const digests = await corpusDigests(runtime, cases('taichi', root), root, readFromDisk);
    const all = createHash('sha256');
    for (const d of digests) {
      const line = `${d.digest}  ${d.case}`;
      process.stdout.write(line + '\n');
      all.update(line + '\n');
    }
    process.stdout.write(`${all.digest('hex')}  all ${digests.length} cases\n`);
  } finally {
    await runtime.destroy();
  }
}

await main();
