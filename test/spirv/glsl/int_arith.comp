#version 450
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer In { int a[]; };
layout(std430, binding = 1) buffer Out { int o[]; };
void main() {
  uint i = gl_GlobalInvocationID.x;
  int x = a[i];
  int y = a[(i * 7u + 3u) % 256u] | 1;
  o[4u * i + 0u] = x * 3 + y - x / y;
  o[4u * i + 1u] = x % y;
  o[4u * i + 2u] = -x;
  o[4u * i + 3u] = x * y - 17;
}
