// Translated shaders sent to Deno as JSON (test/helpers/wgpu-shader-main.ts): each is validated by wgpu
// (naga and wgpu's pipeline checks) and, when it has a dispatch, run, its outputs sent back. The
// byte encoding here is the one both sides use.

import type { Dispatch, Shader } from './pipeline.js';

export interface ShaderJob {
  name: string;
  shader: Shader;
  dispatch?: Dispatch;
}

export interface ShaderJobResult {
  name: string;
  /** Errors from shader module or pipeline creation, or the dispatch's failure. */
  errors: string[];
  /** Storage buffers and textures after the dispatch, by binding, base64. */
  out?: Record<number, string>;
}

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

const bytesOf = (v: ArrayBufferView): Uint8Array => new Uint8Array(v.buffer, v.byteOffset, v.byteLength);

/** JSON for a job: typed arrays in resources become base64 strings. */
export function encodeJob(job: ShaderJob): string {
  return JSON.stringify(job, (_key, value: unknown) => (ArrayBuffer.isView(value) ? { base64: toBase64(bytesOf(value)) } : value));
}

/** The inverse of encodeJob: base64 payloads become Uint8Arrays (any view is a valid upload). */
export function decodeJob(text: string): ShaderJob {
  return JSON.parse(text, (_key, value: unknown) => (typeof value === 'object' && value !== null && 'base64' in value ? fromBase64((value as { base64: string }).base64) : value)) as ShaderJob;
}
