// The GLSL.std.450 extended instruction set -> WGSL builtin functions.
// `args` says how operands are read: 'f' as they are (float or generic), 's' as signed ints,
// 'u' as unsigned ints; the result is cast back to the instruction's result type.
export interface Std450Entry { name: string; wgsl: string; args: 'f' | 's' | 'u' }

const E = (name: string, wgsl: string, args: 'f' | 's' | 'u' = 'f'): Std450Entry => ({ name, wgsl, args });

export const GLSL_STD_450: Record<number, Std450Entry> = {
  1: E('Round', 'round'), 2: E('RoundEven', 'round'), 3: E('Trunc', 'trunc'), 4: E('FAbs', 'abs'),
  5: E('SAbs', 'abs', 's'), 6: E('FSign', 'sign'), 7: E('SSign', 'sign', 's'), 8: E('Floor', 'floor'),
  9: E('Ceil', 'ceil'), 10: E('Fract', 'fract'), 11: E('Radians', 'radians'), 12: E('Degrees', 'degrees'),
  13: E('Sin', 'sin'), 14: E('Cos', 'cos'), 15: E('Tan', 'tan'), 16: E('Asin', 'asin'), 17: E('Acos', 'acos'),
  18: E('Atan', 'atan'), 19: E('Sinh', 'sinh'), 20: E('Cosh', 'cosh'), 21: E('Tanh', 'tanh'),
  22: E('Asinh', 'asinh'), 23: E('Acosh', 'acosh'), 24: E('Atanh', 'atanh'), 25: E('Atan2', 'atan2'),
  26: E('Pow', 'pow'), 27: E('Exp', 'exp'), 28: E('Log', 'log'), 29: E('Exp2', 'exp2'), 30: E('Log2', 'log2'),
  31: E('Sqrt', 'sqrt'), 32: E('InverseSqrt', 'inverseSqrt'), 33: E('Determinant', 'determinant'),
  37: E('FMin', 'min'), 38: E('UMin', 'min', 'u'), 39: E('SMin', 'min', 's'), 40: E('FMax', 'max'),
  41: E('UMax', 'max', 'u'), 42: E('SMax', 'max', 's'), 43: E('FClamp', 'clamp'), 44: E('UClamp', 'clamp', 'u'),
  45: E('SClamp', 'clamp', 's'), 46: E('FMix', 'mix'), 48: E('Step', 'step'), 49: E('SmoothStep', 'smoothstep'),
  50: E('Fma', 'fma'), 53: E('Ldexp', 'ldexp'), 54: E('PackSnorm4x8', 'pack4x8snorm'),
  55: E('PackUnorm4x8', 'pack4x8unorm'), 56: E('PackSnorm2x16', 'pack2x16snorm'),
  57: E('PackUnorm2x16', 'pack2x16unorm'), 58: E('PackHalf2x16', 'pack2x16float'),
  60: E('UnpackSnorm2x16', 'unpack2x16snorm'), 61: E('UnpackUnorm2x16', 'unpack2x16unorm'),
  62: E('UnpackHalf2x16', 'unpack2x16float'), 63: E('UnpackSnorm4x8', 'unpack4x8snorm'),
  64: E('UnpackUnorm4x8', 'unpack4x8unorm'), 66: E('Length', 'length'), 67: E('Distance', 'distance'),
  68: E('Cross', 'cross'), 69: E('Normalize', 'normalize'), 70: E('FaceForward', 'faceForward'),
  71: E('Reflect', 'reflect'), 72: E('Refract', 'refract'), 73: E('FindILsb', 'firstTrailingBit', 'u'),
  74: E('FindSMsb', 'firstLeadingBit', 's'), 75: E('FindUMsb', 'firstLeadingBit', 'u'),
  79: E('NMin', 'min'), 80: E('NMax', 'max'), 81: E('NClamp', 'clamp'),
};

export const STD450_LDEXP = 53;
export const STD450_SMAX = 42;
export const STD450_SMIN = 39;
