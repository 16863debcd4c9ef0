#version 450
// Taichi 1.7's float add of a product for devices without float atomics: a compare-exchange loop on
// the bits of fma(v, v, cell) (shim/spirv/passes/cas-loop.ts). Every invocation adds a square to
// o[0] and to one of four cells.
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer In { float a[]; };
layout(std430, binding = 1) buffer Out { uint o[]; };
void add(uint cell, float v) {
  while (true) {
    uint old = o[cell];
    uint next = floatBitsToUint(fma(v, v, uintBitsToFloat(old)));
    if (atomicCompSwap(o[cell], old, next) == old) break;
  }
}
void main() {
  uint i = gl_GlobalInvocationID.x;
  add(0u, float(i % 16u));
  add(1u + (i % 4u), a[i % 256u]);
}
