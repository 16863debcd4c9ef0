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

// Valid SPIR-V that WGSL cannot express on this device (8- and 64-bit types; f16 without WebGPU's
// shader-f16): the module is sound, the target lacks what it needs. Callers that care (the shim's
// pipeline creation) report it apart from SPIR-V they cannot read.
export class SpirvUnsupportedError extends SpirvTranslationError {
  constructor(wordOffset: number, opcode: number | undefined, reason: string) {
    super(wordOffset, opcode, reason);
    this.name = 'SpirvUnsupportedError';
  }
}
