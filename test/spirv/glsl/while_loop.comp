#version 450
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer In { uint a[]; };
layout(std430, binding = 1) buffer Out { uint o[]; };
void main() {
  uint i = gl_GlobalInvocationID.x;
  uint n = a[i] % 1000u + 1u;
  uint steps = 0u;
  while (n != 1u && steps < 500u) {
    if ((n & 1u) == 0u) n = n / 2u; else n = 3u * n + 1u;
    steps++;
  }
  o[i] = steps;
}
