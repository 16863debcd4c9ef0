#version 450
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer In { uint a[]; };
layout(std430, binding = 1) buffer Out { int o[]; };
const int table[8] = int[8](3, -1, 4, -1, 5, -9, 2, 6);
void main() {
  uint i = gl_GlobalInvocationID.x;
  o[i] = table[a[i] % 8u] * table[i % 8u];
}
