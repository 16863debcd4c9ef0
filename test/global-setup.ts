// Before any test imports the shim: its Vulkan enum and struct tables are generated from the
// header (scripts/gen-vk-abi.mjs), and are not committed, so a checkout that has not built since
// the header or the generator changed gets current ones.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  execFileSync(process.execPath, [fileURLToPath(new URL('../scripts/gen-vk-abi.mjs', import.meta.url))], { stdio: 'inherit' });
}
