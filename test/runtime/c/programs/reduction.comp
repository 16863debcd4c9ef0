#version 450
// Each workgroup sums its 256 elements in shared memory (a tree of halving steps) and writes one
// partial sum; the host adds the partial sums.
layout(local_size_x = 256) in;
layout(std430, set = 0, binding = 0) readonly buffer In { uint data[]; };
layout(std430, set = 0, binding = 1) writeonly buffer Out { uint sums[]; };
shared uint partial[256];
void main() {
  uint l = gl_LocalInvocationID.x;
  partial[l] = data[gl_GlobalInvocationID.x];
  barrier();
  for (uint s = 128u; s > 0u; s >>= 1u) {
    if (l < s) partial[l] += partial[l + s];
    barrier();
  }
  if (l == 0u) sums[gl_WorkGroupID.x] = partial[0];
}
