// The 88-line MPM fluid (mpm88.cgraph.tcm). Taichi advances the particles; a render pipeline on
// the same device reads their positions straight from x's GPUBuffer (storage buffer, no copy).

import { animate, fail, loadFixture, numberParam, shader, startGpu } from './common.js';
import { advance, kernelsByPrefix, mpmControls } from './mpm.js';

const GRID = 128; // grid_v and grid_m are GRID x GRID; dx = 1 / GRID is compiled in
const SIZE = 560; // canvas pixels
const MARGIN = 24; // the simulation box [0, 1]^2 is drawn inset by this many pixels

const WGSL = /* wgsl */ `
@group(0) @binding(0) var<storage, read> x: array<vec2f>;

struct Out {
  @builtin(position) position: vec4f,
  @location(0) offset: vec2f,
};

const SCALE = ${((SIZE - 2 * MARGIN) / SIZE).toFixed(6)};
const RADIUS = ${((2 * 2.5) / SIZE).toFixed(6)}; // 2.5 pixels

@vertex fn particle(@builtin(vertex_index) corner: u32, @builtin(instance_index) i: u32) -> Out {
  // Two triangles per particle, a small square around its position.
  var corners = array(vec2f(-1, -1), vec2f(1, -1), vec2f(-1, 1), vec2f(-1, 1), vec2f(1, -1), vec2f(1, 1));
  let c = corners[corner];
  let p = (x[i] * 2.0 - 1.0) * SCALE + c * RADIUS;
  return Out(vec4f(p, 0.0, 1.0), c);
}

@fragment fn fragment(in: Out) -> @location(0) vec4f {
  if (dot(in.offset, in.offset) > 1.0) { discard; }
  return vec4f(0.024, 0.522, 0.529, 1.0); // 0x068587, the original demo's colour
}

@vertex fn box(@builtin(vertex_index) i: u32) -> @builtin(position) vec4f {
  var corners = array(vec2f(-1, -1), vec2f(1, -1), vec2f(1, 1), vec2f(-1, 1), vec2f(-1, -1));
  return vec4f(corners[i] * SCALE, 0.0, 1.0);
}

@fragment fn boxColour() -> @location(0) vec4f {
  return vec4f(0.45, 0.5, 0.55, 1.0);
}`;

async function main(): Promise<void> {
  const element = document.querySelector<HTMLCanvasElement>('#view')!;
  element.width = element.height = SIZE;
  const gpu = await startGpu(element);
  if (!gpu) return;
  const { runtime, device, context, format } = gpu;
  const mod = await loadFixture(runtime, 'mpm88.cgraph.tcm');

  const n = Math.max(1, Math.floor(numberParam('n', 8192)));
  const a = {
    x: runtime.ndarray('f32', [n], { elementShape: [2] }),
    v: runtime.ndarray('f32', [n], { elementShape: [2] }),
    C: runtime.ndarray('f32', [n], { elementShape: [2, 2] }),
    J: runtime.ndarray('f32', [n]),
    grid_v: runtime.ndarray('f32', [GRID, GRID], { elementShape: [2] }),
    grid_m: runtime.ndarray('f32', [GRID, GRID]),
    pos: runtime.ndarray('f32', [n], { elementShape: [3] }),
  };
  const init = mod.graph('init');
  const update = mod.graph('update');
  const [resetGrid, p2g, updateGrid, g2p] = kernelsByPrefix(mod, ['substep_reset_grid', 'substep_p2g', 'substep_update_grid_v', 'substep_g2p']);
  const substep = (): void => {
    resetGrid.launch(a.grid_v, a.grid_m);
    p2g.launch(a.x, a.v, a.C, a.J, a.grid_v, a.grid_m);
    updateGrid.launch(a.grid_v, a.grid_m);
    g2p.launch(a.x, a.v, a.C, a.J, a.grid_v, a.pos);
  };
  const reset = (): void => init.launch({ x: a.x, v: a.v, J: a.J });
  reset();

  const module = await shader(device, WGSL, 'mpm88 view');
  const blend = { targets: [{ format }] };
  const particles = device.createRenderPipeline({
    layout: 'auto',
    vertex: { module, entryPoint: 'particle' },
    fragment: { module, entryPoint: 'fragment', ...blend },
  });
  const box = device.createRenderPipeline({
    layout: 'auto',
    vertex: { module, entryPoint: 'box' },
    fragment: { module, entryPoint: 'boxColour', ...blend },
    primitive: { topology: 'line-strip' },
  });
  const bindGroup = device.createBindGroup({
    layout: particles.getBindGroupLayout(0),
    entries: [{ binding: 0, resource: { buffer: a.x.memory.gpuBuffer, size: a.x.memory.size } }],
  });

  const controls = mpmControls(n, reset);

  animate(
    device,
    () => {
      const queued = controls.substeps();
      advance(runtime, queued, () => update.launch(a), substep);
      const encoder = device.createCommandEncoder();
      const pass = encoder.beginRenderPass({
        colorAttachments: [{ view: context.getCurrentTexture().createView(), loadOp: 'clear', storeOp: 'store', clearValue: [0.067, 0.184, 0.255, 1] }],
      });
      pass.setPipeline(box);
      pass.draw(5);
      pass.setPipeline(particles);
      pass.setBindGroup(0, bindGroup);
      pass.draw(6, n);
      pass.end();
      device.queue.submit([encoder.finish()]);
      return queued;
    },
    controls.finished,
  );
}

main().catch(fail);
