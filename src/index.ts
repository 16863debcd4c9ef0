export { Runtime, type RuntimeOptions, type RuntimeDiagnostics } from './runtime.js';
export { Memory, MemoryUsage, type MemoryAllocateOptions, type MemorySlice } from './memory.js';
export { TaichiError, type TaichiErrorCode } from './errors.js';
