// Aliased storage bindings. Vulkan lets a dispatch bind one buffer to several storage bindings
// (Taichi passes one ndarray to two parameters, and binds its GlobalTmps buffer twice); WebGPU
// refuses it where one of those bindings is writable and either another is read-only or their
// ranges overlap. Read-only aliases are bound as they are (the translator declares read-only
// buffers read-only). For a writable alias, the dispatch runs a variant of the pipeline whose
// aliased bindings are one binding over the range they span (pipelineVariant), cached on the
// pipeline per aliasing pattern.

import type { DescriptorSet } from '../objects/descriptor.js';
import { pipelineVariant, type Pipeline, type StorageBinding } from '../objects/pipeline.js';
import type { AliasGroup } from '../../spirv/translate.js';

export interface BoundSet {
  set: DescriptorSet;
  offsets: number[];
}

interface Span {
  binding: StorageBinding;
  gpu: GPUBuffer;
  start: number;
  end: number;
}

/** Thrown when a dispatch's aliased bindings cannot be merged; the dispatch does not run. */
export class AliasRefusal extends Error {}

/** The pipeline a dispatch with these sets runs: `pipeline` itself, or its variant for the bindings that alias. */
export function dispatchPipeline(pipeline: Pipeline, sets: readonly (BoundSet | undefined)[]): Pipeline {
  const candidates = pipeline.storageBindings;
  if (candidates.length < 2) return pipeline;
  const spans: Span[] = [];
  for (const binding of candidates) {
    const bound = sets[binding.set];
    const d = bound?.set.descriptors.get(binding.binding);
    if (d?.kind !== 'buffer' || !d.buffer.memory) continue;
    const start = d.buffer.offset + d.offset;
    spans.push({ binding, gpu: d.buffer.memory.gpu(), start, end: start + d.range });
  }
  let conflict = false;
  for (let i = 0; i < spans.length && !conflict; i++) {
    for (let j = 0; j < i && !conflict; j++) conflict = conflicts(spans[i], spans[j]);
  }
  if (!conflict) return pipeline;
  const groups = aliasGroups(spans, sets);
  const key = groups.map((g) => `${g.set}:${g.bindings.map((b, i) => `${b}@${g.offsets[i]}`).join(',')}`).join(';');
  let variant = pipeline.variants.get(key);
  if (!variant) {
    try {
      variant = pipelineVariant(pipeline, groups);
    } catch (e) {
      throw new AliasRefusal(`one buffer fills bindings ${key} of a dispatch, and WebGPU cannot bind it so while one is writable: ${e instanceof Error ? e.message : String(e)}`);
    }
    pipeline.variants.set(key, variant);
  }
  return variant;
}

/** Whether WebGPU refuses the two spans in one dispatch. */
function conflicts(a: Span, b: Span): boolean {
  if (a.gpu !== b.gpu || (!a.binding.written && !b.binding.written)) return false;
  // Two writable bindings of one buffer may coexist if their ranges are disjoint.
  return !(a.binding.written && b.binding.written) || (a.start < b.end && b.start < a.end);
}

/** Every buffer in a conflict, with all the bindings it fills, as groups for the translator. */
function aliasGroups(spans: Span[], sets: readonly (BoundSet | undefined)[]): AliasGroup[] {
  const byBuffer = new Map<GPUBuffer, Span[]>();
  for (const s of spans) {
    const list = byBuffer.get(s.gpu);
    if (list) list.push(s);
    else byBuffer.set(s.gpu, [s]);
  }
  const groups: AliasGroup[] = [];
  for (const list of byBuffer.values()) {
    if (!list.some((s, i) => list.some((t, j) => j < i && conflicts(s, t)))) continue;
    const set = list[0].binding.set;
    if (list.some((s) => s.binding.set !== set)) throw new AliasRefusal(`one buffer fills bindings of descriptor sets ${[...new Set(list.map((s) => s.binding.set))].join(' and ')}; merging aliases across sets is not supported`);
    const layout = sets[set]!.set.layout;
    if (list.some((s) => layout.dynamicBindings.includes(s.binding.binding))) throw new AliasRefusal(`one buffer fills several bindings of set ${set}, one of them dynamic; merging dynamic aliases is not supported`);
    list.sort((x, y) => x.binding.binding - y.binding.binding);
    const start = Math.min(...list.map((s) => s.start));
    groups.push({ set, bindings: list.map((s) => s.binding.binding), offsets: list.map((s) => s.start - start) });
  }
  return groups;
}
