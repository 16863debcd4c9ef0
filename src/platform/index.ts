import type { Platform } from './types.js';

const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';

/** The platform this code runs on; Node's module (and Dawn) is loaded only in Node. */
export async function currentPlatform(): Promise<Platform> {
  if (isNode) return (await import('./node.js')).nodePlatform;
  return (await import('./browser.js')).browserPlatform;
}
