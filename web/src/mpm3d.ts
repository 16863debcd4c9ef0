// The 3-D MPM fluid (mpm3D.cgraph.tcm, a 64^3 grid compiled in), drawn as depth-tested points
// read straight from x's GPUBuffer, with an orbit camera: drag to turn, wheel to zoom.

import { animate, fail, loadFixture, numberParam, shader, startGpu } from './common.js';
import { advance, kernelsByPrefix, mpmControls } from './mpm.js';

const GRID = 64;
const SIZE = 560;

const WGSL = /* wgsl */ `
struct Camera { viewProjection: mat4x4f, pointSize: vec2f };
@group(0) @binding(0) var<uniform> camera: Camera;
@group(0) @binding(1) var<storage, read> x: array<f32>; // n x 3, tightly packed

struct Out {
  @builtin(position) position: vec4f,
  @location(0) offset: vec2f,
  @location(1) height: f32,
};

@vertex fn particle(@builtin(vertex_index) corner: u32, @builtin(instance_index) i: u32) -> Out {
  var corners = array(vec2f(-1, -1), vec2f(1, -1), vec2f(-1, 1), vec2f(-1, 1), vec2f(1, -1), vec2f(1, 1));
  let c = corners[corner];
  let p = vec3f(x[3u * i], x[3u * i + 1u], x[3u * i + 2u]);
  var clip = camera.viewProjection * vec4f(p, 1.0);
  // A square of constant size on screen around the projected point.
  clip = vec4f(clip.xy + c * camera.pointSize * clip.w, clip.zw);
  return Out(clip, c, p.y);
}

@fragment fn fragment(in: Out) -> @location(0) vec4f {
  let r2 = dot(in.offset, in.offset);
  if (r2 > 1.0) { discard; }
  let shade = sqrt(1.0 - r2) * 0.6 + 0.4; // a little roundness
  let colour = mix(vec3f(0.05, 0.35, 0.75), vec3f(0.55, 0.9, 1.0), clamp(in.height * 1.6, 0.0, 1.0));
  return vec4f(colour * shade, 1.0);
}

@vertex fn edge(@builtin(vertex_index) i: u32) -> @builtin(position) vec4f {
  // The 12 edges of the unit cube, as 24 line-list vertices.
  var ends = array(
    0u, 1u, 2u, 3u, 4u, 5u, 6u, 7u, 0u, 2u, 1u, 3u, 4u, 6u, 5u, 7u, 0u, 4u, 1u, 5u, 2u, 6u, 3u, 7u);
  let k = ends[i];
  let p = vec3f(f32(k & 1u), f32((k >> 1u) & 1u), f32((k >> 2u) & 1u));
  return camera.viewProjection * vec4f(p, 1.0);
}

@fragment fn edgeColour() -> @location(0) vec4f {
  return vec4f(0.45, 0.5, 0.55, 1.0);
}`;

type Vec3 = [number, number, number];
const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const cross = (a: Vec3, b: Vec3): Vec3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const normalize = (a: Vec3): Vec3 => {
  const l = Math.hypot(...a);
  return [a[0] / l, a[1] / l, a[2] / l];
};

/** Perspective (WebGPU clip depth 0..1) times look-at, column-major as WGSL's mat4x4f. */
function viewProjection(eye: Vec3, target: Vec3, fovY: number, aspect: number): Float32Array {
  const f = normalize(sub(target, eye));
  const s = normalize(cross(f, [0, 1, 0]));
  const u = cross(s, f);
  const view = [s[0], u[0], -f[0], 0, s[1], u[1], -f[1], 0, s[2], u[2], -f[2], 0, -dot(s, eye), -dot(u, eye), dot(f, eye), 1];
  const [near, far] = [0.05, 20];
  const t = 1 / Math.tan(fovY / 2);
  const proj = [t / aspect, 0, 0, 0, 0, t, 0, 0, 0, 0, far / (near - far), -1, 0, 0, (near * far) / (near - far), 0];
  const out = new Float32Array(16);
  for (let c = 0; c < 4; c++) for (let r = 0; r < 4; r++) for (let k = 0; k < 4; k++) out[c * 4 + r] += proj[k * 4 + r] * view[c * 4 + k];
  return out;
}

async function main(): Promise<void> {
  const element = document.querySelector<HTMLCanvasElement>('#view')!;
  element.width = element.height = SIZE;
  const gpu = await startGpu(element);
  if (!gpu) return;
  const { runtime, device, context, format } = gpu;
  const mod = await loadFixture(runtime, 'mpm3D.cgraph.tcm');

  const n = Math.max(1, Math.floor(numberParam('n', 16384)));
  const a = {
    x: runtime.ndarray('f32', [n], { elementShape: [3] }),
    v: runtime.ndarray('f32', [n], { elementShape: [3] }),
    C: runtime.ndarray('f32', [n], { elementShape: [3, 3] }),
    J: runtime.ndarray('f32', [n]),
    grid_v: runtime.ndarray('f32', [GRID, GRID, GRID], { elementShape: [3] }),
    grid_m: runtime.ndarray('f32', [GRID, GRID, GRID]),
  };
  const gravity = { g_x: 0, g_y: -9.8, g_z: 0 };
  const init = mod.graph('init');
  const update = mod.graph('update');
  const [resetGrid, p2g, updateGrid, g2p] = kernelsByPrefix(mod, ['substep_reset_grid', 'substep_p2g', 'substep_update_grid_v', 'substep_g2p']);
  const substep = (): void => {
    resetGrid.launch(a.grid_v, a.grid_m);
    p2g.launch(a.x, a.v, a.C, a.J, a.grid_v, a.grid_m);
    updateGrid.launch(a.grid_v, a.grid_m, gravity.g_x, gravity.g_y, gravity.g_z);
    g2p.launch(a.x, a.v, a.C, a.J, a.grid_v);
  };
  const reset = (): void => init.launch({ x: a.x, v: a.v, J: a.J });
  reset();

  const module = await shader(device, WGSL, 'mpm3D view');
  const depthFormat: GPUTextureFormat = 'depth24plus';
  const depth = device.createTexture({ size: [SIZE, SIZE], format: depthFormat, usage: GPUTextureUsage.RENDER_ATTACHMENT });
  const depthStencil: GPUDepthStencilState = { format: depthFormat, depthWriteEnabled: true, depthCompare: 'less' };
  const layout = device.createBindGroupLayout({
    entries: [
      { binding: 0, visibility: GPUShaderStage.VERTEX, buffer: { type: 'uniform' } },
      { binding: 1, visibility: GPUShaderStage.VERTEX, buffer: { type: 'read-only-storage' } },
    ],
  });
  const pipelineLayout = device.createPipelineLayout({ bindGroupLayouts: [layout] });
  const particles = device.createRenderPipeline({
    layout: pipelineLayout,
    vertex: { module, entryPoint: 'particle' },
    fragment: { module, entryPoint: 'fragment', targets: [{ format }] },
    depthStencil,
  });
  const edges = device.createRenderPipeline({
    layout: pipelineLayout,
    vertex: { module, entryPoint: 'edge' },
    fragment: { module, entryPoint: 'edgeColour', targets: [{ format }] },
    primitive: { topology: 'line-list' },
    depthStencil,
  });
  const cameraBuffer = device.createBuffer({ size: 80, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
  const bindGroup = device.createBindGroup({
    layout,
    entries: [
      { binding: 0, resource: { buffer: cameraBuffer } },
      { binding: 1, resource: { buffer: a.x.memory.gpuBuffer, size: a.x.memory.size } },
    ],
  });

  // Orbit camera around the box's centre.
  const orbit = { yaw: 0.6, pitch: 0.35, distance: 2.2 };
  element.addEventListener('pointerdown', (e) => element.setPointerCapture(e.pointerId));
  element.addEventListener('pointermove', (e) => {
    if (!element.hasPointerCapture(e.pointerId)) return;
    orbit.yaw -= e.movementX * 0.01;
    orbit.pitch = Math.min(1.5, Math.max(-1.5, orbit.pitch + e.movementY * 0.01));
  });
  element.addEventListener(
    'wheel',
    (e) => {
      e.preventDefault();
      orbit.distance = Math.min(6, Math.max(1.0, orbit.distance * Math.exp(e.deltaY * 0.001)));
    },
    { passive: false },
  );

  const controls = mpmControls(n, reset);

  const uniforms = new Float32Array(20);
  animate(
    device,
    () => {
      const queued = controls.substeps();
      advance(runtime, queued, () => update.launch({ ...a, ...gravity }), substep);

      const { yaw, pitch, distance } = orbit;
      const eye: Vec3 = [0.5 + distance * Math.cos(pitch) * Math.sin(yaw), 0.5 + distance * Math.sin(pitch), 0.5 + distance * Math.cos(pitch) * Math.cos(yaw)];
      uniforms.set(viewProjection(eye, [0.5, 0.5, 0.5], Math.PI / 4, 1));
      uniforms.set([3 / SIZE, 3 / SIZE], 16); // 1.5-pixel radius in clip units
      device.queue.writeBuffer(cameraBuffer, 0, uniforms);

      const encoder = device.createCommandEncoder();
      const pass = encoder.beginRenderPass({
        colorAttachments: [{ view: context.getCurrentTexture().createView(), loadOp: 'clear', storeOp: 'store', clearValue: [0.067, 0.09, 0.118, 1] }],
        depthStencilAttachment: { view: depth.createView(), depthLoadOp: 'clear', depthStoreOp: 'discard', depthClearValue: 1 },
      });
      pass.setBindGroup(0, bindGroup);
      pass.setPipeline(edges);
      pass.draw(24);
      pass.setPipeline(particles);
      pass.draw(6, n);
      pass.end();
      device.queue.submit([encoder.finish()]);
      return queued;
    },
    controls.finished,
  );
}

main().catch(fail);
