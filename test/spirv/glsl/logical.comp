#version 450
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer In { int a[]; };
layout(std430, binding = 1) buffer Out { int o[]; };
void main() {
  uint i = gl_GlobalInvocationID.x;
  int x = a[i];
  bool p = x > 0;
  bool q = (x & 4) != 0;
  bool r = x % 3 == 0;
  int v = 0;
  v += (p && q) ? 1 : 0;
  v += (p || r) ? 2 : 0;
  v += (!q) ? 4 : 0;
  v += (p == r) ? 8 : 0;
  v += (q != r) ? 16 : 0;
  v += (p ^^ q) ? 32 : 0;
  o[i] = v;
}
