// The Node glue is an ES module, but emscripten 3.1.6's Node code calls require() and reads
// __dirname and __filename: give it all three, derived from the module's own URL.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
const require = createRequire(import.meta.url);
const __filename = fileURLToPath(import.meta.url);
const __dirname = fileURLToPath(new URL('.', import.meta.url));
