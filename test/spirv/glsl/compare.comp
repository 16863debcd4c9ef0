#version 450
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer In { int a[]; };
layout(std430, binding = 1) buffer Out { uint o[]; };
void main() {
  uint i = gl_GlobalInvocationID.x;
  int x = a[i];
  int y = a[255u - i];
  uint ux = uint(x), uy = uint(y);
  float fx = float(x) * 0.5, fy = float(y) * 0.5;
  uint bits = 0u;
  if (x < y) bits |= 1u;
  if (x <= y) bits |= 2u;
  if (x > y) bits |= 4u;
  if (x >= y) bits |= 8u;
  if (x == y) bits |= 16u;
  if (x != y) bits |= 32u;
  if (ux < uy) bits |= 64u;
  if (ux >= uy) bits |= 128u;
  if (fx < fy) bits |= 256u;
  if (fx >= fy) bits |= 512u;
  if (fx != fy) bits |= 1024u;
  if (fx == fy) bits |= 2048u;
  o[i] = bits;
}
