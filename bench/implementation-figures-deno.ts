// The Deno side of bench/implementations.ts: the figures on Deno's navigator.gpu (wgpu), printed
// as one JSON line. `deno run --sloppy-imports --allow-read bench/implementation-figures-deno.ts
// FIXTURES OPTIONS_JSON`.
import process from 'node:process';
import { Runtime } from '../src/index.browser.js';
import { measureFigures, type FigureOptions } from './implementation-figures.js';

declare const Deno: { args: string[] };

const [fixtures, options] = Deno.args;
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const rt = await Runtime.create();
try {
  console.log(JSON.stringify(await measureFigures(rt, fixtures, JSON.parse(options) as FigureOptions, cpuMs)));
} finally {
  await rt.destroy();
}
