#version 450
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer In { uint a[]; };
layout(std430, binding = 1) buffer Out { uint o[]; };
void main() {
  uint i = gl_GlobalInvocationID.x;
  int idx = int(i) << 2;
  float v = uintBitsToFloat(a[uint(idx) >> 2]);
  o[uint(idx >> 2)] = floatBitsToUint(v * 2.0 + 1.0);
}
