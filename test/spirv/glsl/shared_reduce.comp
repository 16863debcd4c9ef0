#version 450
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer In { uint a[]; };
layout(std430, binding = 1) buffer Out { uint o[]; };
shared uint tile[64];
void main() {
  uint l = gl_LocalInvocationID.x;
  tile[l] = a[gl_GlobalInvocationID.x];
  barrier();
  for (uint s = 32u; s > 0u; s >>= 1) {
    if (l < s) tile[l] += tile[l + s];
    barrier();
  }
  if (l == 0u) o[gl_WorkGroupID.x] = tile[0];
}
