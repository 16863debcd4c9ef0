// The fill and matmul tasks of fill_matmul.tcm as the hand-written baselines need them:
// the WGSL the shim runs (translated from the task's own SPIR-V), the dispatch size Taichi
// chose and the one the shim issues, and where the kernel's arguments sit in the args buffer.
import { unzipSync } from 'fflate';
import { translateSpirv, type BindingReflection, type GridStride } from '../shim/spirv/translate.js';
import { gridStrideGroups } from '../shim/spirv/grid-stride-bounds.js';

export interface TaskInfo {
  wgsl: string;
  entryPoint: string;
  bindings: BindingReflection[];
  /** ceil(advisory_total_num_threads / advisory_num_threads_per_group), as the runtime dispatches. */
  groups: number;
  gridStride: GridStride | undefined;
  argsBytes: number;
  /** Byte offset of each argument in the args buffer (an ndarray's shape comes first in its slot). */
  argOffsets: number[];
}

interface Metadata {
  kernels: {
    name: string;
    ctx_attribs: { args_bytes_: number; args_type_: { content: { elements_: { offset: number }[] } } };
    tasks_attribs: { name: string; advisory_total_num_threads: number; advisory_num_threads_per_group: number }[];
  }[];
}

export function taskInfo(tcm: Uint8Array, kernel: string): TaskInfo {
  const files = unzipSync(tcm);
  const meta = JSON.parse(new TextDecoder().decode(files['metadata.json'])) as Metadata;
  const k = meta.kernels.find((x) => x.name === kernel);
  if (!k || k.tasks_attribs.length !== 1) throw new Error(`kernel '${kernel}' with one task not found`);
  const task = k.tasks_attribs[0];
  const spv = files[`${task.name}.spv`];
  // Copy: a zip entry's bytes need not be 4-byte aligned.
  const words = new Uint32Array(spv.slice().buffer);
  const t = translateSpirv(words);
  return {
    wgsl: t.wgsl,
    entryPoint: t.entryPoint,
    bindings: t.bindings,
    groups: Math.ceil(task.advisory_total_num_threads / task.advisory_num_threads_per_group),
    gridStride: t.gridStride,
    argsBytes: k.ctx_attribs.args_bytes_,
    argOffsets: k.ctx_attribs.args_type_.content.elements_.map((e) => e.offset),
  };
}

/** A bind group layout for the translated task: the args uniform takes a dynamic offset, as the runtime binds it. */
export function taskLayout(device: GPUDevice, task: TaskInfo): GPUBindGroupLayout {
  return device.createBindGroupLayout({
    entries: task.bindings.map((b) => ({
      binding: b.binding,
      visibility: GPUShaderStage.COMPUTE,
      buffer:
        b.kind === 'uniform'
          ? { type: 'uniform' as const, hasDynamicOffset: true, minBindingSize: task.argsBytes }
          : { type: b.access === 'read' ? ('read-only-storage' as const) : ('storage' as const) },
    })),
  });
}

/** The workgroups the shim dispatches for the task, given the args a launch writes. */
export function dispatchedGroups(task: TaskInfo, args: DataView): number {
  return task.gridStride ? gridStrideGroups(task.gridStride, task.groups, (_set, _binding, offset) => args.getUint32(offset, true)) : task.groups;
}
