#version 450
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer In { uint a[]; };
layout(std430, binding = 1) buffer Out { uint o[]; };
void main() {
  uint i = gl_GlobalInvocationID.x;
  uint x = a[i];
  uint y = a[(i * 5u + 1u) % 256u] | 1u;
  o[4u * i + 0u] = x / y + x % y;
  o[4u * i + 1u] = x * 2654435761u;
  o[4u * i + 2u] = y - x;
  o[4u * i + 3u] = (x + y) % 1000u;
}
