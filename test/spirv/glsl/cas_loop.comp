#version 450
// Taichi's float add for devices without float atomics: a compare-exchange loop on the bits
// (shim/spirv/passes/cas-loop.ts). Every invocation adds to o[0]; each adds to one of four cells.
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer In { float a[]; };
layout(std430, binding = 1) buffer Out { uint o[]; };
void add(uint cell, float v) {
  while (true) {
    uint old = o[cell];
    uint next = floatBitsToUint(uintBitsToFloat(old) + v);
    if (atomicCompSwap(o[cell], old, next) == old) break;
  }
}
void main() {
  uint i = gl_GlobalInvocationID.x;
  add(0u, float(i % 16u));
  add(1u + (i % 4u), a[i % 256u]);
}
