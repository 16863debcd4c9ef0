// The browser demos: a multi-page vite app whose pages import the library from ../src and load
// the project's own Taichi modules (examples/modules, exported by examples/*.py), served in dev and
// copied into the build.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const web = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('..', import.meta.url));
const fixtures = fileURLToPath(new URL('../examples/modules/', import.meta.url));
/** The modules the demos load. */
const MODULES = ['fractal.kernel.tcm', 'mpm88.cgraph.tcm', 'mpm3D.cgraph.tcm', 'implicit_fem.cgraph.tcm'];
const PAGES = ['index', 'fractal', 'mpm88', 'mpm3d', 'fem', 'playground'];

/** Serves the fixture modules at fixtures/<name> in dev and emits them as assets in the build. */
function taichiFixtures(): Plugin {
  return {
    name: 'taichi-fixtures',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const name = /\/fixtures\/([^/?]+)/.exec(req.url ?? '')?.[1];
        if (!name || !MODULES.includes(name)) return next();
        res.setHeader('Content-Type', 'application/octet-stream');
        res.end(readFileSync(fixtures + name));
      });
    },
    generateBundle() {
      for (const name of MODULES) this.emitFile({ type: 'asset', fileName: `fixtures/${name}`, source: readFileSync(fixtures + name) });
    },
  };
}

export default defineConfig({
  root: web,
  base: './',
  plugins: [taichiFixtures()],
  server: { fs: { allow: [repo] } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: { input: Object.fromEntries(PAGES.map((p) => [p, `${web}${p}.html`])) },
  },
});
