// The playground: load any .tcm (dropped, chosen, or one of the project's modules by URL), see
// its kernels, graphs and the runtime's capabilities, fill a kernel's or graph's arguments, run
// it and look at the ndarrays it wrote, with timings. The URL holds the module, the entry and
// the arguments (?module=fractal.kernel.tcm&entry=fractal&t=0.9&canvas=640x320&run), so a run
// can be shared; `run` starts it on load.

import { NdArray, type AotModule, type ArgumentSignature, type ArgumentValue, type Runtime } from '../../src/index.browser.js';
import { fail, params, startRuntime } from './common.js';
import { argumentForm, type ArgumentRow } from './playground-args.js';
import { resultView, summarise, type Summary } from './playground-view.js';

/** The project's modules, served beside the page (see vite.config.ts). */
const EXAMPLES = ['fractal.kernel.tcm', 'mpm88.cgraph.tcm', 'mpm3D.cgraph.tcm', 'implicit_fem.cgraph.tcm'];

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;

interface Loaded {
  name: string;
  module: AotModule;
}

let loaded: Loaded | undefined;

function capabilityTable(runtime: Runtime): void {
  const table = $<HTMLTableElement>('#capabilities');
  table.replaceChildren();
  for (const [name, level] of Object.entries(runtime.capabilities())) {
    if (level === 0) continue;
    const row = table.insertRow();
    row.insertCell().textContent = name;
    row.insertCell().textContent = name === 'spirv_version' ? `0x${level.toString(16)}` : String(level);
  }
}

async function loadModule(runtime: Runtime, name: string, bytes: Uint8Array): Promise<void> {
  await loaded?.module.destroy();
  loaded = undefined;
  const module = await runtime.loadModule(bytes);
  loaded = { name, module };
  $('#module-name').textContent = name;
  const list = $('#entries');
  list.replaceChildren();
  const entries: [string, 'kernel' | 'graph', readonly ArgumentSignature[]][] = [
    ...module.kernels.map((k) => [k.name, 'kernel', k.args] as [string, 'kernel', readonly ArgumentSignature[]]),
    ...module.graphs.map((g) => [g.name, 'graph', g.args] as [string, 'graph', readonly ArgumentSignature[]]),
  ];
  for (const [entry, kind, args] of entries) {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = `${kind} ${entry}`;
    button.addEventListener('click', () => choose(runtime, entry, kind, args, new URLSearchParams()));
    item.append(button, ` (${args.map((a) => a.name).join(', ')})`);
    list.append(item);
  }
  $('#module').hidden = false;
  window.__demo.module = name;
  window.__demo.entries = entries.map(([entry, kind]) => `${kind} ${entry}`);
}

function choose(runtime: Runtime, entry: string, kind: 'kernel' | 'graph', args: readonly ArgumentSignature[], given: URLSearchParams): void {
  $('#launch-name').textContent = `${kind} ${entry}`;
  const rows = argumentForm($<HTMLFormElement>('#args'), args, given);
  $('#launch').hidden = false;
  const shareLink = () => {
    const query = new URLSearchParams({ module: loaded?.name ?? '', entry });
    for (const row of rows) query.set(row.signature.name, row.param());
    query.set('run', '');
    return `?${query.toString()}`;
  };
  $<HTMLAnchorElement>('#share').onclick = (event) => {
    event.preventDefault();
    history.replaceState(null, '', shareLink());
  };
  $<HTMLButtonElement>('#run').onclick = () => void run(runtime, entry, kind, rows).catch(fail);
}

async function run(runtime: Runtime, entry: string, kind: 'kernel' | 'graph', rows: ArgumentRow[]): Promise<void> {
  if (!loaded) return;
  const values = await Promise.all(rows.map((row) => row.make(runtime)));
  await runtime.wait();
  const started = performance.now();
  if (kind === 'kernel') loaded.module.kernel(entry).launch(...values);
  else loaded.module.graph(entry).launch(Object.fromEntries(rows.map((row, i) => [row.signature.name, values[i]] as [string, ArgumentValue])));
  await runtime.wait();
  const ms = performance.now() - started;
  $('#timing').textContent = `ran in ${ms.toFixed(2)} ms (launch to finished work)`;
  const results = $('#results');
  results.replaceChildren();
  const summaries: Summary[] = [];
  for (const [i, value] of values.entries()) {
    if (!(value instanceof NdArray)) continue;
    const data = await value.read();
    const summary = summarise(rows[i].signature.name, value.shape, value.elementShape, data);
    summaries.push(summary);
    results.append(resultView(summary, data));
    value.free();
  }
  window.__demo.result = { entry, ms, summaries };
  window.__demo.frames++;
}

async function fromUrl(runtime: Runtime): Promise<void> {
  const name = params.get('module');
  if (!name) return;
  if (!EXAMPLES.includes(name)) throw new Error(`module '${name}' is not one of the project's modules (${EXAMPLES.join(', ')})`);
  const response = await fetch(`fixtures/${name}`);
  if (!response.ok) throw new Error(`fetching fixtures/${name} failed: HTTP ${response.status}`);
  await loadModule(runtime, name, new Uint8Array(await response.arrayBuffer()));
  const entry = params.get('entry');
  if (!entry || !loaded) return;
  const kernel = loaded.module.kernels.find((k) => k.name === entry);
  const graph = loaded.module.graphs.find((g) => g.name === entry);
  const signature = kernel ?? graph;
  if (!signature) throw new Error(`the module has no kernel or graph '${entry}'`);
  choose(runtime, entry, kernel ? 'kernel' : 'graph', signature.args, params);
  if (params.has('run')) $<HTMLButtonElement>('#run').click();
}

async function main(): Promise<void> {
  const examples = $('#examples');
  for (const name of EXAMPLES) {
    const link = document.createElement('a');
    link.href = `?module=${encodeURIComponent(name)}`;
    link.textContent = name;
    examples.append(link, ' ');
  }
  const runtime = await startRuntime();
  if (!runtime) return;
  capabilityTable(runtime);
  const open = async (file: File) => loadModule(runtime, file.name, new Uint8Array(await file.arrayBuffer())).catch(fail);
  $<HTMLInputElement>('#file').addEventListener('change', (event) => {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (file) void open(file);
  });
  const drop = $('#drop');
  drop.addEventListener('dragover', (event) => event.preventDefault());
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    const file = event.dataTransfer?.files[0];
    if (file) void open(file);
  });
  window.__demo.ready = true;
  await fromUrl(runtime);
}

main().catch(fail);
