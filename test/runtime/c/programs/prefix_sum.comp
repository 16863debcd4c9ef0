#version 450
// An inclusive prefix sum of n elements by one workgroup: blocks of 256 are scanned in shared
// memory (Hillis-Steele), each block starting from the total of the blocks before it.
layout(local_size_x = 256) in;
layout(push_constant) uniform Push { uint n; } pc;
layout(std430, set = 0, binding = 0) readonly buffer In { uint data[]; };
layout(std430, set = 0, binding = 1) writeonly buffer Out { uint scan[]; };
shared uint block[256];
shared uint carry;
void main() {
  uint l = gl_LocalInvocationID.x;
  if (l == 0u) carry = 0u;
  barrier();
  for (uint base = 0u; base < pc.n; base += 256u) {
    uint i = base + l;
    block[l] = i < pc.n ? data[i] : 0u;
    barrier();
    for (uint offset = 1u; offset < 256u; offset <<= 1u) {
      uint add = l >= offset ? block[l - offset] : 0u;
      barrier();
      block[l] += add;
      barrier();
    }
    if (i < pc.n) scan[i] = carry + block[l];
    barrier();
    if (l == 255u) carry += block[255];
    barrier();
  }
}
