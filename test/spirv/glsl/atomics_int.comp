#version 450
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer In { int a[]; };
layout(std430, binding = 1) buffer Out { int o[]; };
void main() {
  uint i = gl_GlobalInvocationID.x;
  int x = a[i];
  atomicAdd(o[0], x);
  atomicMin(o[1], x);
  atomicMax(o[2], x);
  atomicAnd(o[3], ~(1 << int(i % 31u)) | (x & 1));
  atomicOr(o[4], 1 << int(i % 29u));
  atomicXor(o[5], x);
  atomicAdd(o[6], -1);
  if (i == 77u) atomicExchange(o[7], x);
  atomicCompSwap(o[8], 0, int(i) + 1000000);
  atomicMin(o[9], x >> 1);
  atomicMax(o[10], x >> 1);
  int before = atomicAdd(o[11], 1);
  if (before == 255) o[12] = 1;
}
