// The Julia set of fractal.kernel.tcm, animated over t. Taichi writes the canvas ndarray; a
// fragment shader reads that same GPUBuffer as a storage buffer, so no pixel leaves the GPU.

import { animate, fail, loadFixture, numberParam, params, shader, startGpu } from './common.js';

const [W, H] = [640, 320]; // the canvas ndarray's shape; n = 320 is compiled into the kernel

const WGSL = /* wgsl */ `
@group(0) @binding(0) var<storage, read> canvas: array<f32>;

@vertex fn vs(@builtin(vertex_index) index: u32) -> @builtin(position) vec4f {
  // One triangle that covers the viewport.
  let p = vec2f(f32((index << 1u) & 2u), f32(index & 2u));
  return vec4f(p * 2.0 - 1.0, 0.0, 1.0);
}

@fragment fn fs(@builtin(position) position: vec4f) -> @location(0) vec4f {
  // canvas[i, j] (row-major, ${W} x ${H}): i runs left to right, j bottom to top, as Taichi's GUI shows it.
  let i = u32(position.x);
  let j = ${H - 1}u - u32(position.y);
  let value = canvas[i * ${H}u + j];
  return vec4f(value, value, value, 1.0);
}`;

async function main(): Promise<void> {
  const element = document.querySelector<HTMLCanvasElement>('#view')!;
  element.width = W;
  element.height = H;
  const gpu = await startGpu(element);
  if (!gpu) return;
  const { runtime, device, context, format } = gpu;
  const mod = await loadFixture(runtime, 'fractal.kernel.tcm');
  const fractal = mod.kernel('fractal');
  const canvas = runtime.ndarray('f32', [W, H]);

  const module = await shader(device, WGSL, 'fractal view');
  const pipeline = device.createRenderPipeline({
    layout: 'auto',
    vertex: { module, entryPoint: 'vs' },
    fragment: { module, entryPoint: 'fs', targets: [{ format }] },
  });
  const bindGroup = device.createBindGroup({
    layout: pipeline.getBindGroupLayout(0),
    entries: [{ binding: 0, resource: { buffer: canvas.memory.gpuBuffer } }],
  });

  // ?t=1.5 holds t still (the browser test compares a known t with the CPU's Julia set).
  const fixedT = params.has('t') ? numberParam('t', 0) : undefined;
  const readout = document.querySelector('#t')!;
  let frame = 0;
  animate(device, () => {
    const t = fixedT ?? frame++ * 0.03;
    fractal.launch(t, canvas);
    runtime.flush();
    const encoder = device.createCommandEncoder();
    const pass = encoder.beginRenderPass({
      colorAttachments: [{ view: context.getCurrentTexture().createView(), loadOp: 'clear', storeOp: 'store', clearValue: [0, 0, 0, 1] }],
    });
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, bindGroup);
    pass.draw(3);
    pass.end();
    device.queue.submit([encoder.finish()]);
    window.__demo.t = t;
    readout.textContent = t.toFixed(2);
    return 1;
  });
}

main().catch(fail);
