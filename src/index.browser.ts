// The package's browser entry, also Deno's: navigator.gpu and the wasm fetched beside the bundle
// (in Deno, modules load by path too). It never imports the Node platform, so bundles hold no Node code.
import { registerPlatform } from './platform/index.js';
import { browserPlatform } from './platform/browser.js';
import { denoPlatform, isDeno } from './platform/deno.js';

registerPlatform(isDeno() ? denoPlatform : browserPlatform);

export * from './index.js';
