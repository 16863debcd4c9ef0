import type { Mismatch } from '../helpers/corpus-run.js';

/** One corpus case as run under Deno: the comparison's figures, or the error it failed with. */
export interface CorpusOutcome {
  exporter: string;
  /** group/name, as known-gaps.json names cases. */
  id: string;
  compared?: number;
  mismatchCount?: number;
  mismatches?: Mismatch[];
  error?: string;
  code?: string;
}
