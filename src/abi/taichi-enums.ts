// Taichi C API enum values (taichi_core.h, version 1.7), the same names and values as
// wasm/include/taichi/taichi_core.h (test/shim/abi.test.ts compares every entry with the C header).
// Keys drop the C prefix listed in TI_ENUM_C_PREFIX (TI_ERROR_ARGUMENT_NULL is
// TiError.ARGUMENT_NULL); flag-bit keys keep their _BIT suffix. *_MAX_ENUM is left out.

export const TiError = {
  SUCCESS: 0,
  NOT_SUPPORTED: -1,
  CORRUPTED_DATA: -2,
  NAME_NOT_FOUND: -3,
  INVALID_ARGUMENT: -4,
  ARGUMENT_NULL: -5,
  ARGUMENT_OUT_OF_RANGE: -6,
  ARGUMENT_NOT_FOUND: -7,
  INVALID_INTEROP: -8,
  INVALID_STATE: -9,
  INCOMPATIBLE_MODULE: -10,
  OUT_OF_MEMORY: -11,
} as const;
export type TiError = (typeof TiError)[keyof typeof TiError];

export const TiArch = {
  RESERVED: 0,
  VULKAN: 1,
  METAL: 2,
  CUDA: 3,
  X64: 4,
  ARM64: 5,
  OPENGL: 6,
  GLES: 7,
} as const;
export type TiArch = (typeof TiArch)[keyof typeof TiArch];

export const TiCapability = {
  RESERVED: 0,
  SPIRV_VERSION: 1,
  SPIRV_HAS_INT8: 2,
  SPIRV_HAS_INT16: 3,
  SPIRV_HAS_INT64: 4,
  SPIRV_HAS_FLOAT16: 5,
  SPIRV_HAS_FLOAT64: 6,
  SPIRV_HAS_ATOMIC_INT64: 7,
  SPIRV_HAS_ATOMIC_FLOAT16: 8,
  SPIRV_HAS_ATOMIC_FLOAT16_ADD: 9,
  SPIRV_HAS_ATOMIC_FLOAT16_MINMAX: 10,
  SPIRV_HAS_ATOMIC_FLOAT: 11,
  SPIRV_HAS_ATOMIC_FLOAT_ADD: 12,
  SPIRV_HAS_ATOMIC_FLOAT_MINMAX: 13,
  SPIRV_HAS_ATOMIC_FLOAT64: 14,
  SPIRV_HAS_ATOMIC_FLOAT64_ADD: 15,
  SPIRV_HAS_ATOMIC_FLOAT64_MINMAX: 16,
  SPIRV_HAS_VARIABLE_PTR: 17,
  SPIRV_HAS_PHYSICAL_STORAGE_BUFFER: 18,
  SPIRV_HAS_SUBGROUP_BASIC: 19,
  SPIRV_HAS_SUBGROUP_VOTE: 20,
  SPIRV_HAS_SUBGROUP_ARITHMETIC: 21,
  SPIRV_HAS_SUBGROUP_BALLOT: 22,
  SPIRV_HAS_NON_SEMANTIC_INFO: 23,
  SPIRV_HAS_NO_INTEGER_WRAP_DECORATION: 24,
} as const;
export type TiCapability = (typeof TiCapability)[keyof typeof TiCapability];

export const TiDataType = {
  F16: 0,
  F32: 1,
  F64: 2,
  I8: 3,
  I16: 4,
  I32: 5,
  I64: 6,
  U1: 7,
  U8: 8,
  U16: 9,
  U32: 10,
  U64: 11,
  GEN: 12,
  UNKNOWN: 13,
} as const;
export type TiDataType = (typeof TiDataType)[keyof typeof TiDataType];

export const TiArgumentType = {
  I32: 0,
  F32: 1,
  NDARRAY: 2,
  TEXTURE: 3,
  SCALAR: 4,
  TENSOR: 5,
} as const;
export type TiArgumentType = (typeof TiArgumentType)[keyof typeof TiArgumentType];

export const TiMemoryUsageFlagBits = {
  STORAGE_BIT: 0x1,
  UNIFORM_BIT: 0x2,
  VERTEX_BIT: 0x4,
  INDEX_BIT: 0x8,
} as const;
export type TiMemoryUsageFlagBits = (typeof TiMemoryUsageFlagBits)[keyof typeof TiMemoryUsageFlagBits];

export const TiImageUsageFlagBits = {
  STORAGE_BIT: 0x1,
  SAMPLED_BIT: 0x2,
  ATTACHMENT_BIT: 0x4,
} as const;
export type TiImageUsageFlagBits = (typeof TiImageUsageFlagBits)[keyof typeof TiImageUsageFlagBits];

export const TiImageDimension = {
  '1D': 0,
  '2D': 1,
  '3D': 2,
  '1D_ARRAY': 3,
  '2D_ARRAY': 4,
  CUBE: 5,
} as const;
export type TiImageDimension = (typeof TiImageDimension)[keyof typeof TiImageDimension];

export const TiImageLayout = {
  UNDEFINED: 0,
  SHADER_READ: 1,
  SHADER_WRITE: 2,
  SHADER_READ_WRITE: 3,
  COLOR_ATTACHMENT: 4,
  COLOR_ATTACHMENT_READ: 5,
  DEPTH_ATTACHMENT: 6,
  DEPTH_ATTACHMENT_READ: 7,
  TRANSFER_DST: 8,
  TRANSFER_SRC: 9,
  PRESENT_SRC: 10,
} as const;
export type TiImageLayout = (typeof TiImageLayout)[keyof typeof TiImageLayout];

export const TiFormat = {
  UNKNOWN: 0,
  R8: 1,
  RG8: 2,
  RGBA8: 3,
  RGBA8SRGB: 4,
  BGRA8: 5,
  BGRA8SRGB: 6,
  R8U: 7,
  RG8U: 8,
  RGBA8U: 9,
  R8I: 10,
  RG8I: 11,
  RGBA8I: 12,
  R16: 13,
  RG16: 14,
  RGB16: 15,
  RGBA16: 16,
  R16U: 17,
  RG16U: 18,
  RGB16U: 19,
  RGBA16U: 20,
  R16I: 21,
  RG16I: 22,
  RGB16I: 23,
  RGBA16I: 24,
  R16F: 25,
  RG16F: 26,
  RGB16F: 27,
  RGBA16F: 28,
  R32U: 29,
  RG32U: 30,
  RGB32U: 31,
  RGBA32U: 32,
  R32I: 33,
  RG32I: 34,
  RGB32I: 35,
  RGBA32I: 36,
  R32F: 37,
  RG32F: 38,
  RGB32F: 39,
  RGBA32F: 40,
  DEPTH16: 41,
  DEPTH24STENCIL8: 42,
  DEPTH32F: 43,
} as const;
export type TiFormat = (typeof TiFormat)[keyof typeof TiFormat];

export const TiFilter = {
  NEAREST: 0,
  LINEAR: 1,
} as const;
export type TiFilter = (typeof TiFilter)[keyof typeof TiFilter];

export const TiAddressMode = {
  REPEAT: 0,
  MIRRORED_REPEAT: 1,
  CLAMP_TO_EDGE: 2,
} as const;
export type TiAddressMode = (typeof TiAddressMode)[keyof typeof TiAddressMode];

// The C spelling of a value is its enum's prefix followed by its key.
export const TI_ENUM_C_PREFIX = {
  TiError: 'TI_ERROR_',
  TiArch: 'TI_ARCH_',
  TiCapability: 'TI_CAPABILITY_',
  TiDataType: 'TI_DATA_TYPE_',
  TiArgumentType: 'TI_ARGUMENT_TYPE_',
  TiMemoryUsageFlagBits: 'TI_MEMORY_USAGE_',
  TiImageUsageFlagBits: 'TI_IMAGE_USAGE_',
  TiImageDimension: 'TI_IMAGE_DIMENSION_',
  TiImageLayout: 'TI_IMAGE_LAYOUT_',
  TiFormat: 'TI_FORMAT_',
  TiFilter: 'TI_FILTER_',
  TiAddressMode: 'TI_ADDRESS_MODE_',
} as const;
