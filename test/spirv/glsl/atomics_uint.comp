#version 450
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer In { uint a[]; };
layout(std430, binding = 1) buffer Out { uint o[]; };
layout(std430, binding = 2) buffer Plain { uint p[]; };
void main() {
  uint i = gl_GlobalInvocationID.x;
  uint x = a[i];
  atomicMin(o[0], x);
  atomicMax(o[1], x);
  atomicAdd(o[2], x);
  uint slot = atomicAdd(o[3], 1u);
  p[slot] = i;
}
