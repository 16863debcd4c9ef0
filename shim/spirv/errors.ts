// The one error kind the translator throws: callers can rely on a word offset and opcode to
// point at the offending instruction in the module (spirv-dis --offsets shows the same offsets).
export class SpirvTranslationError extends Error {
  readonly wordOffset: number;
  readonly opcode: number | undefined;
  readonly reason: string;

  constructor(wordOffset: number, opcode: number | undefined, reason: string) {
    const at = opcode === undefined ? `word ${wordOffset}` : `word ${wordOffset} (opcode ${opcode})`;
    super(`SPIR-V translation failed at ${at}: ${reason}`);
    this.name = 'SpirvTranslationError';
    this.wordOffset = wordOffset;
    this.opcode = opcode;
    this.reason = reason;
  }
}
