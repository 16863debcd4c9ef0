// What every demo page shares: start-up (a runtime on navigator.gpu and a canvas configured with
// Taichi's own GPUDevice), messages when WebGPU is missing or something fails, fixture loading,
// and a frame loop that keeps the GPU queue short without waiting on the CPU.

import { Runtime, TaichiError, type AotModule } from '../../src/index.browser.js';

/** What the page reports about itself (read by test/web/browser.test.ts). */
export interface DemoState {
  /** Frames whose GPU work has completed. */
  frames: number;
  /** True once the module is loaded and the first frame is queued. */
  ready: boolean;
  /** The first error, if one stopped the demo. */
  error?: string;
  [key: string]: unknown;
}

declare global {
  interface Window {
    __demo: DemoState;
  }
}

window.__demo = { frames: 0, ready: false };

export const params = new URLSearchParams(location.search);

/** A numeric URL parameter (e.g. ?n=2048), or `fallback` when absent or not a number. */
export function numberParam(name: string, fallback: number): number {
  const raw = params.get(name);
  const value = raw === null || raw === '' ? NaN : Number(raw);
  return Number.isFinite(value) ? value : fallback;
}

function showMessage(title: string, body: string, kind: 'error' | 'info'): void {
  const box = document.createElement('div');
  box.className = `message ${kind}`;
  const heading = document.createElement('h2');
  heading.textContent = title;
  box.append(heading);
  for (const paragraph of body.split('\n')) {
    const p = document.createElement('p');
    p.textContent = paragraph;
    box.append(p);
  }
  document.querySelector('main')?.prepend(box);
}

/** Reports a failure on the page and in the console (the browser test fails on console errors). */
export function fail(error: unknown): void {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  if (window.__demo.error) return;
  window.__demo.error = text;
  console.error(error);
  showMessage('The demo stopped', text, 'error');
}

function webgpuUnavailable(why: string): void {
  window.__demo.error = `WebGPU unavailable: ${why}`;
  showMessage(
    'WebGPU is not available here',
    [
      `This demo runs Taichi kernels on WebGPU, which this browser does not offer (${why}).`,
      'Use a browser with WebGPU enabled: Chrome or Edge 113 or later on Windows, macOS and ChromeOS; Safari 26; Firefox 141 or later on Windows.',
      'On Linux, start Chrome or Chromium with --enable-unsafe-webgpu --enable-features=Vulkan, or turn on chrome://flags/#enable-unsafe-webgpu. In Firefox elsewhere, set dom.webgpu.enabled in about:config.',
      'WebGPU also needs a secure context: open the page over https:// or from http://localhost.',
    ].join('\n'),
    'info',
  );
}

export interface Gpu {
  runtime: Runtime;
  device: GPUDevice;
  context: GPUCanvasContext;
  format: GPUTextureFormat;
}

/**
 * Creates the Taichi runtime (navigator.gpu), reporting on the page a device error or loss.
 * Undefined, with a message shown, when WebGPU is missing or fails.
 */
export async function startRuntime(): Promise<Runtime | undefined> {
  const missing = !window.isSecureContext ? 'the page is not a secure context' : !navigator.gpu ? 'navigator.gpu is undefined' : undefined;
  if (missing) {
    webgpuUnavailable(missing);
    return undefined;
  }
  let runtime: Runtime;
  try {
    runtime = await Runtime.create();
  } catch (error) {
    if (error instanceof TaichiError && error.code === 'NOT_SUPPORTED') webgpuUnavailable(error.detail);
    else fail(error);
    return undefined;
  }
  const device = runtime.gpuDevice;
  device.addEventListener('uncapturederror', (event) => fail((event as GPUUncapturedErrorEvent).error.message));
  void device.lost.then((info) => {
    if (info.reason !== 'destroyed') fail(`the GPU device was lost (${info.reason}): ${info.message.replace(/\.$/, '')}. Reload the page to start again.`);
  });
  return runtime;
}

/**
 * Creates the Taichi runtime and configures `canvas` with the runtime's device, so render passes
 * read Taichi's buffers directly. Undefined, with a message shown, when WebGPU is missing or fails.
 */
export async function startGpu(canvas: HTMLCanvasElement): Promise<Gpu | undefined> {
  const runtime = await startRuntime();
  if (!runtime) return undefined;
  const device = runtime.gpuDevice;
  const context = canvas.getContext('webgpu');
  if (!context) {
    fail('the canvas has no webgpu context');
    return undefined;
  }
  const format = navigator.gpu.getPreferredCanvasFormat();
  context.configure({ device, format, alphaMode: 'opaque' });
  return { runtime, device, context, format };
}

/** Loads a fixture module, served beside the page as fixtures/<name> (see vite.config.ts). */
export async function loadFixture(runtime: Runtime, name: string): Promise<AotModule> {
  const response = await fetch(`fixtures/${name}`);
  if (!response.ok) throw new Error(`fetching fixtures/${name} failed: HTTP ${response.status}`);
  return runtime.loadModule(new Uint8Array(await response.arrayBuffer()));
}

/**
 * Reports `error` unless the device turns out to be lost: Chromium rejects the frames in flight
 * when its GPU process goes, and the loss (reported by startRuntime) is what the user should read.
 */
function failUnlessLost(device: GPUDevice, error: unknown): void {
  const grace = new Promise<undefined>((resolve) => setTimeout(resolve, 1000, undefined));
  void Promise.race([device.lost, grace]).then((lost) => {
    if (!lost) fail(error);
  });
}

/**
 * Calls `frame` once per animation frame while at most two frames are in flight on the GPU.
 * `frame` records Taichi work and a render pass and returns the simulation steps it queued;
 * `done` hears about each frame's steps once the GPU has finished them.
 */
export function animate(device: GPUDevice, frame: () => number, done: (steps: number) => void = () => {}): void {
  let inFlight = 0;
  const tick = (): void => {
    if (window.__demo.error) return;
    if (inFlight < 2) {
      let steps: number;
      try {
        steps = frame();
      } catch (error) {
        fail(error);
        return;
      }
      inFlight++;
      device.queue.onSubmittedWorkDone().then(
        () => {
          inFlight--;
          window.__demo.frames++;
          done(steps);
        },
        (error: unknown) => failUnlessLost(device, error),
      );
    }
    requestAnimationFrame(tick);
  };
  window.__demo.ready = true;
  requestAnimationFrame(tick);
}

/** Counts completed steps and shows their rate in `element` twice a second. */
export function rateMeter(element: HTMLElement, unit: string): (steps: number) => void {
  let steps = 0;
  let since = performance.now();
  return (n) => {
    steps += n;
    const now = performance.now();
    if (now - since < 500) return;
    const rate = (steps * 1000) / (now - since);
    element.textContent = `${rate.toFixed(rate < 10 ? 1 : 0)} ${unit}`;
    window.__demo.rate = rate;
    steps = 0;
    since = now;
  };
}

/** A WGSL shader module, failing loudly on compilation errors. */
export async function shader(device: GPUDevice, code: string, label: string): Promise<GPUShaderModule> {
  const module = device.createShaderModule({ code, label });
  const info = await module.getCompilationInfo();
  const errors = info.messages.filter((m) => m.type === 'error');
  if (errors.length) throw new Error(`${label}: ${errors.map((m) => `${m.lineNum}:${m.linePos} ${m.message}`).join('; ')}`);
  return module;
}
