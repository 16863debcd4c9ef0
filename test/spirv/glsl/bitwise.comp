#version 450
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer In { uint a[]; };
layout(std430, binding = 1) buffer Out { uint o[]; };
void main() {
  uint i = gl_GlobalInvocationID.x;
  uint x = a[i];
  uint y = a[(i + 17u) % 256u];
  int s = int(x);
  o[6u * i + 0u] = x & y;
  o[6u * i + 1u] = x | (y << 3);
  o[6u * i + 2u] = x ^ ~y;
  o[6u * i + 3u] = x >> (y & 31u);
  o[6u * i + 4u] = uint(s >> 7);
  o[6u * i + 5u] = (x << (i & 31u)) >> 1;
}
