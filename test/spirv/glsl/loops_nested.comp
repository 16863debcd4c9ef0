#version 450
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer In { int a[]; };
layout(std430, binding = 1) buffer Out { int o[]; };
void main() {
  uint i = gl_GlobalInvocationID.x;
  int lim = a[i] & 15;
  int acc = 0;
  for (int p = 0; p < 10; p++) {
    if (p == lim) break;
    if ((p & 1) == 1) continue;
    for (int q = 0; q < 8; q++) {
      if (q > p) break;
      if (q == 2) continue;
      acc += p * 10 + q;
    }
  }
  o[i] = acc;
}
