// The package's Node entry: Dawn (npm `webgpu`) and the wasm read from the package's files.
import { registerPlatform } from './platform/index.js';
import { nodePlatform } from './platform/node.js';

registerPlatform(nodePlatform);

export * from './index.js';
