// The differential corpus (test/taichi) on disk, as export.py writes it:
// <root>/<exporter>/<group>.tcm and <root>/<exporter>/<group>/<case>/{manifest.json, *.npy}; and
// the one list of known gaps.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** test/taichi: the exporters' committed corpora, cases/ and known-gaps.json. */
export const HERE = fileURLToPath(new URL('../taichi/', import.meta.url));

/** The corpus root: test/taichi, or TAICHI_CORPUS_ROOT (a fresh export by .ci/run). */
export const ROOT = process.env.TAICHI_CORPUS_ROOT ?? HERE;

/** A scalar is a number, or 'inf', '-inf' or 'nan' (which JSON cannot hold); a tensor is a vector or a matrix's rows. */
export type ArgRef = { array: string } | { scalar: number | 'inf' | '-inf' | 'nan' } | { tensor: number[] | number[][] };

/**
 * Statistics compared instead of values (draws of ti.random()): mean, variance, min and max
 * within tolerances relative to the expected values' range (variance: its square; one value: the
 * value itself), and the least share of distinct values.
 */
export interface Statistics {
  mean?: number;
  variance?: number;
  min?: number;
  max?: number;
  distinct?: number;
}

export interface ArraySpec {
  kind: 'ndarray' | 'texture';
  dtype?: string;
  shape: number[];
  elementShape?: number[];
  format?: string;
  /** The inputs' .npy; null: zeros. */
  input?: string | null;
  expected?: string | null;
}

export interface Manifest {
  module: string;
  oracle: 'cpu' | 'vulkan';
  arrays: Record<string, ArraySpec>;
  steps: ({ kernel: string; args: ArgRef[] } | { graph: string; args: Record<string, ArgRef> })[];
  outputs: string[];
  tolerance: { rtol: number; atol: number; why: string };
  /** The launch must fail with this error instead of running. */
  refused?: { code: string; error: string };
  compare?: Statistics;
}

export interface CorpusCase {
  exporter: string;
  group: string;
  name: string;
  dir: string;
  manifest: Manifest;
}

/** A case that fails today because of a gap another issue owns: it must keep failing with `error`. */
export interface KnownGap {
  case: string;
  exporter?: string;
  issue: number;
  owner: string;
  error: string;
}

function dirs(path: string): string[] {
  return readdirSync(path)
    .filter((n) => statSync(join(path, n)).isDirectory())
    .sort();
}

/** Exporters are the folders of the root that hold modules (.tcm). */
export function exporters(root = ROOT): string[] {
  return dirs(root).filter((d) => readdirSync(join(root, d)).some((f) => f.endsWith('.tcm')));
}

export function cases(exporter: string, root = ROOT): CorpusCase[] {
  const out: CorpusCase[] = [];
  const base = join(root, exporter);
  for (const group of dirs(base)) {
    for (const name of dirs(join(base, group))) {
      const dir = join(base, group, name);
      if (!existsSync(join(dir, 'manifest.json'))) continue;
      out.push({ exporter, group, name, dir, manifest: JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest });
    }
  }
  return out;
}

export function knownGaps(): KnownGap[] {
  return JSON.parse(readFileSync(join(HERE, 'known-gaps.json'), 'utf8')) as KnownGap[];
}

export function gapFor(c: CorpusCase, gaps: KnownGap[]): KnownGap | undefined {
  return gaps.find((g) => g.case === `${c.group}/${c.name}` && (g.exporter === undefined || g.exporter === c.exporter));
}
