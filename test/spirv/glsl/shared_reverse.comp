#version 450
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer In { float a[]; };
layout(std430, binding = 1) buffer Out { float o[]; };
shared float tile[64];
shared vec2 pairs[64];
void main() {
  uint l = gl_LocalInvocationIndex;
  tile[l] = a[gl_GlobalInvocationID.x];
  pairs[l] = vec2(float(l), a[gl_GlobalInvocationID.x]);
  memoryBarrierShared();
  barrier();
  o[gl_GlobalInvocationID.x] = tile[63u - l] + pairs[(l + 1u) % 64u].x;
}
