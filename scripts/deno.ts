// Deno from the pinned dev dependency @deno/linux-x64-glibc (a plain binary: nothing is downloaded
// at run time), run on this checkout with node_modules as it is and no lock file written. The
// tests (the wgpu-*.test.ts files) and the benchmarks (bench/implementations.ts) run their Deno side through it.

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout: the first folder upwards holding package.json (scripts/ in a checkout, dist/scripts/ when built). */
export const ROOT = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
})();

function denoBinary(): string {
  try {
    return join(dirname(createRequire(import.meta.url).resolve('@deno/linux-x64-glibc/package.json')), 'deno');
  } catch {
    throw new Error('Deno is not installed: `npm install` installs the pinned dev dependency @deno/linux-x64-glibc');
  }
}

/**
 * `deno run` of `script` (relative to the checkout) with `args`. --sloppy-imports lets Deno run the
 * TypeScript sources as they are (their imports name .js files); reads are allowed, and `permissions`.
 */
export function denoRun(script: string, args: string[], timeoutMs: number, permissions: string[] = []): Promise<{ stdout: string; stderr: string }> {
  const flags = ['run', '--no-lock', '--node-modules-dir=manual', '--sloppy-imports', '--allow-read', ...permissions, '--unstable-webgpu'];
  return new Promise((resolve, reject) => {
    execFile(
      denoBinary(),
      [...flags, script, ...args],
      { cwd: ROOT, timeout: timeoutMs, maxBuffer: 64 << 20, env: { ...process.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' } },
      (error, stdout, stderr) => (error ? reject(new Error(`deno ${script} failed: ${error.message}\n${stderr}`)) : resolve({ stdout, stderr })),
    );
  });
}

/** The JSON objects a script printed, one a line (other lines are ignored). */
export function jsonLines<T>(stdout: string): T[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as T);
}
