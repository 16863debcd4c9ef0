// The package's browser entry: navigator.gpu and the wasm fetched beside the bundle. It never
// imports the Node platform, so bundles hold no Node code.
import { registerPlatform } from './platform/index.js';
import { browserPlatform } from './platform/browser.js';

registerPlatform(browserPlatform);

export * from './index.js';
