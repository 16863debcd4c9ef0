// The implicit FEM example (implicit_fem.cgraph.tcm): graph `init` meshes the plate, each `step`
// launch is one implicit Euler step with a 12-iteration CG solve. A render pipeline on the same
// device draws the triangles from the x and triangles ndarrays' GPUBuffers (no copy).

import { animate, fail, loadFixture, numberParam, params, rateMeter, shader, startGpu } from './common.js';
import * as V from './fem-view.js';

/** A number as a WGSL float literal. */
const f = (v: number): string => v.toFixed(6);
const vec3 = (c: readonly number[]): string => `vec3f(${c.map(f).join(', ')})`;

const WGSL = /* wgsl */ `
@group(0) @binding(0) var<storage, read> x: array<vec2f>;
@group(0) @binding(1) var<storage, read> triangles: array<i32>; // 3 node indices per triangle

fn clip(p: vec2f) -> vec4f {
  let pixel = vec2f(p.x - (${f(V.VIEW.left)}), ${f(V.VIEW.top)} - p.y) * ${f(V.VIEW.scale)};
  return vec4f(pixel.x / ${f(V.WIDTH)} * 2.0 - 1.0, 1.0 - pixel.y / ${f(V.HEIGHT)} * 2.0, 0.0, 1.0);
}

fn node(v: u32) -> u32 {
  return u32(triangles[v]);
}

struct Fill {
  @builtin(position) position: vec4f,
  @location(0) colour: vec3f,
};

@vertex fn fill(@builtin(vertex_index) v: u32) -> Fill {
  let n = node(v);
  let rest = vec2f(f32(n / ${V.N}u), f32(n % ${V.N}u)) * ${f(V.SPACING)};
  let t = clamp(length(x[n] - rest) / ${f(V.FULL_DISPLACEMENT)}, 0.0, 1.0);
  return Fill(clip(x[n]), mix(${vec3(V.REST)}, ${vec3(V.DEFORMED)}, t));
}

@fragment fn fillColour(in: Fill) -> @location(0) vec4f {
  return vec4f(in.colour, 1.0);
}

@vertex fn edge(@builtin(vertex_index) v: u32) -> @builtin(position) vec4f {
  // Edge e of triangle t, as two line-list vertices.
  let e = v / 2u;
  let t = e / 3u;
  return clip(x[node(3u * t + (e % 3u + v % 2u) % 3u)]);
}

@fragment fn edgeColour() -> @location(0) vec4f {
  return vec4f(${vec3(V.EDGE)}, 1.0);
}

@vertex fn wall(@builtin(vertex_index) v: u32) -> @builtin(position) vec4f {
  var corners = array(vec2f(0, 0), vec2f(1, 0), vec2f(0, 1), vec2f(0, 1), vec2f(1, 0), vec2f(1, 1));
  let c = corners[v];
  return clip(vec2f(mix(${f(V.WALL_RECT.left)}, ${f(V.WALL_RECT.right)}, c.x), mix(${f(V.WALL_RECT.bottom)}, ${f(V.WALL_RECT.top)}, c.y)));
}

@fragment fn wallColour() -> @location(0) vec4f {
  return vec4f(${vec3(V.WALL)}, 1.0);
}`;

async function main(): Promise<void> {
  const element = document.querySelector<HTMLCanvasElement>('#view')!;
  element.width = V.WIDTH;
  element.height = V.HEIGHT;
  const gpu = await startGpu(element);
  if (!gpu) return;
  const { runtime, device, context, format } = gpu;
  const mod = await loadFixture(runtime, 'implicit_fem.cgraph.tcm');

  const points = () => runtime.ndarray('f32', [V.NODES], { elementShape: [2] });
  const scalar = () => runtime.ndarray('f32', []);
  const a = {
    x: points(), v: points(), f: points(), b: points(), r: points(), p: points(), Ap: points(), u: points(),
    triangles: runtime.ndarray('i32', [V.TRIANGLES], { elementShape: [3] }),
    B: runtime.ndarray('f32', [V.TRIANGLES], { elementShape: [2, 2] }),
    W: runtime.ndarray('f32', [V.TRIANGLES]),
    rr: scalar(), rr_new: scalar(), pAp: scalar(), alpha: scalar(), beta: scalar(),
    dt: numberParam('dt', 1 / 60),
  };
  const init = mod.graph('init');
  const step = mod.graph('step');
  // A stop after `until` steps, so a picture of a known state can be taken (the browser test).
  const until = params.has('until') ? Math.max(0, Math.floor(numberParam('until', 0))) : Infinity;
  let queuedSteps = 0;
  let doneSteps = 0;
  const reset = (): void => {
    init.launch({ x: a.x, v: a.v, triangles: a.triangles, B: a.B, W: a.W });
    queuedSteps = doneSteps = 0;
  };
  reset();
  window.__demo.dt = a.dt;
  window.__demo.steps = 0;

  const module = await shader(device, WGSL, 'implicit FEM view');
  const target = { targets: [{ format }] };
  const fill = device.createRenderPipeline({ layout: 'auto', vertex: { module, entryPoint: 'fill' }, fragment: { module, entryPoint: 'fillColour', ...target } });
  const edges = device.createRenderPipeline({
    layout: 'auto',
    vertex: { module, entryPoint: 'edge' },
    fragment: { module, entryPoint: 'edgeColour', ...target },
    primitive: { topology: 'line-list' },
  });
  const wall = device.createRenderPipeline({ layout: 'auto', vertex: { module, entryPoint: 'wall' }, fragment: { module, entryPoint: 'wallColour', ...target } });
  const bind = (pipeline: GPURenderPipeline): GPUBindGroup =>
    device.createBindGroup({
      layout: pipeline.getBindGroupLayout(0),
      entries: [
        { binding: 0, resource: { buffer: a.x.memory.gpuBuffer, size: a.x.memory.size } },
        { binding: 1, resource: { buffer: a.triangles.memory.gpuBuffer, size: a.triangles.memory.size } },
      ],
    });
  const fillGroup = bind(fill);
  const edgeGroup = bind(edges);

  const stepsInput = document.querySelector<HTMLInputElement>('#steps')!;
  stepsInput.value = String(Math.max(0, Math.floor(numberParam('steps', 1))));
  const pauseButton = document.querySelector<HTMLButtonElement>('#pause')!;
  let paused = false;
  pauseButton.addEventListener('click', () => {
    paused = !paused;
    pauseButton.textContent = paused ? 'Resume' : 'Pause';
  });
  document.querySelector('#reset')!.addEventListener('click', reset);
  const stepReadout = document.querySelector<HTMLElement>('#step')!;
  const meter = rateMeter(document.querySelector('#rate')!, 'steps/s');

  let reported = false;
  animate(
    device,
    () => {
      const wanted = paused ? 0 : Math.max(0, Math.floor(Number(stepsInput.value) || 0));
      const queued = Math.min(wanted, until - queuedSteps);
      for (let s = 0; s < queued; s++) step.launch(a);
      queuedSteps += queued;
      runtime.flush();
      const encoder = device.createCommandEncoder();
      const pass = encoder.beginRenderPass({
        colorAttachments: [{ view: context.getCurrentTexture().createView(), loadOp: 'clear', storeOp: 'store', clearValue: [...V.BACKGROUND, 1] }],
      });
      pass.setPipeline(wall);
      pass.draw(6);
      pass.setPipeline(fill);
      pass.setBindGroup(0, fillGroup);
      pass.draw(3 * V.TRIANGLES);
      pass.setPipeline(edges);
      pass.setBindGroup(0, edgeGroup);
      pass.draw(6 * V.TRIANGLES);
      pass.end();
      device.queue.submit([encoder.finish()]);
      return queued;
    },
    (steps) => {
      doneSteps += steps;
      window.__demo.steps = doneSteps;
      stepReadout.textContent = String(doneSteps);
      meter(steps);
      // Once stopped, the positions drawn are published for the browser test.
      if (doneSteps === until && !reported) {
        reported = true;
        void a.x.read().then((x) => {
          window.__demo.x = Array.from(x);
        }, fail);
      }
    },
  );
}

main().catch(fail);
