#version 450
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer In { uint a[]; };
layout(std430, binding = 1) buffer Out { uint o[]; };
void main() {
  uint i = gl_GlobalInvocationID.x;
  float x = uintBitsToFloat(a[i]);
  o[i] = (isnan(x) ? 1u : 0u) | (isinf(x) ? 2u : 0u);
}
