#version 450
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer In { uint a[]; };
layout(std430, binding = 1) buffer Out { uint o[]; };
shared uint hist[8];
shared int total;
void main() {
  uint l = gl_LocalInvocationID.x;
  if (l < 8u) hist[l] = 0u;
  if (l == 0u) total = 0;
  barrier();
  atomicAdd(hist[a[gl_GlobalInvocationID.x] % 8u], 1u);
  atomicAdd(total, int(a[gl_GlobalInvocationID.x] % 5u));
  atomicMax(hist[7], 0u);
  barrier();
  if (l < 8u) o[gl_WorkGroupID.x * 9u + l] = hist[l];
  if (l == 0u) o[gl_WorkGroupID.x * 9u + 8u] = uint(atomicExchange(total, 0));
}
