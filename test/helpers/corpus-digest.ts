// One digest per corpus case in deterministic mode: SHA-256 over the case's compared arrays as
// read back (.npy bytes), or the error code where the launch is refused. Two adapters that print
// the same digests computed the same bits. Platform-neutral (crypto.subtle, the public API), so
// Node (scripts/deterministic-digest.ts), Deno and a browser page (test/taichi/digest-page.ts)
// run the same code; each passes its own way of reading the corpus's files.

import { TaichiError, type Runtime } from '../../src/index.js';
import type { CorpusCase } from './corpus-manifest.js';
import { ModuleCache, runCase, type ReadFile } from './corpus-run.js';

export interface CaseDigest {
  /** group/case */
  case: string;
  /** Hex SHA-256 of the outputs, or `refused <code>` where the launch failed with a TaichiError. */
  digest: string;
}

async function sha256(parts: Uint8Array[]): Promise<string> {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const all = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', all));
  return Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Runs every case on `runtime` (made with `deterministic: true`) and digests its outputs, in the
 * order given. `read` reads a corpus file by the paths the cases and `root` name.
 */
export async function corpusDigests(runtime: Runtime, cases: readonly CorpusCase[], root: string, read: ReadFile): Promise<CaseDigest[]> {
  const modules = new ModuleCache(runtime, read);
  const out: CaseDigest[] = [];
  try {
    for (const c of cases) {
      const name = `${c.group}/${c.name}`;
      try {
        const result = await runCase(runtime, modules, c, root, read);
        const encoder = new TextEncoder();
        out.push({ case: name, digest: await sha256([...result.outputs].flatMap(([array, npy]) => [encoder.encode(array), npy])) });
      } catch (e) {
        if (!(e instanceof TaichiError)) throw e;
        out.push({ case: name, digest: `refused ${e.code}` });
      }
    }
  } finally {
    await modules.destroy();
  }
  return out;
}
