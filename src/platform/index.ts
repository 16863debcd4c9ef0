import type { Platform } from './types.js';
import { denoPlatform, isDeno } from './deno.js';

let registered: Platform | undefined;

/** Sets the platform; the package's entries (index.node.ts, index.browser.ts) call it on import. */
export function registerPlatform(platform: Platform): void {
  registered = platform;
}

// Kept in a variable so that bundlers do not follow it: the browser entry must hold no Node code.
const nodePlatformModule = './node.js';

/**
 * The registered platform. Code that imports src/index.ts directly (this repository's tests and
 * scripts) registers none; in Node it gets Node's platform, loaded here on first use. Deno is
 * asked first: it also defines process.versions.node, but its WebGPU is navigator.gpu.
 */
export async function currentPlatform(): Promise<Platform> {
  if (registered) return registered;
  if (isDeno()) {
    registered = denoPlatform;
    return registered;
  }
  if (typeof process !== 'undefined' && typeof process.versions?.node === 'string') {
    registered = ((await import(/* @vite-ignore */ /* webpackIgnore: true */ nodePlatformModule)) as { nodePlatform: Platform }).nodePlatform;
    return registered;
  }
  throw new Error("taichi-wasm: no platform registered; import the package as 'taichi-wasm' (its browser entry) rather than src/index.js");
}
