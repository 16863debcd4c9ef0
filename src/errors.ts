import { TiError } from './abi/taichi-enums.js';

/** The TiError code names, e.g. 'OUT_OF_MEMORY' for TI_ERROR_OUT_OF_MEMORY. */
export type TaichiErrorCode = Exclude<keyof typeof TiError, 'MAX_ENUM'> | 'UNKNOWN';

/** A failure reported by the Taichi runtime (through ti_get_last_error) or by the TS API's own checks. */
export class TaichiError extends Error {
  /**
   * @param code the TiError name, e.g. 'INVALID_ARGUMENT'
   * @param detail the runtime's message (for ARGUMENT_NULL, the name of the argument)
   */
  constructor(
    readonly code: TaichiErrorCode,
    readonly detail: string,
  ) {
    super(`TI_ERROR_${code}: ${detail}`);
    this.name = 'TaichiError';
  }

  /** The numeric TiError value. */
  get value(): number {
    return this.code === 'UNKNOWN' ? 0 : (TiError as Record<string, number>)[this.code];
  }
}

export function errorCodeName(value: number): TaichiErrorCode {
  for (const [name, v] of Object.entries(TiError)) if (v === value && name !== 'MAX_ENUM') return name as TaichiErrorCode;
  return 'UNKNOWN';
}

/** What a value is, for messages: its constructor's name or its type. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return `a ${(value as object).constructor?.name ?? 'object'}`;
  return `a ${typeof value}`;
}
