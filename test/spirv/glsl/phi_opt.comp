#version 450
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer In { int a[]; };
layout(std430, binding = 1) buffer Out { int o[]; };
void main() {
  uint i = gl_GlobalInvocationID.x;
  int x = a[i];
  int s = 0, t = 1;
  for (int p = 0; p < 6; p++) {
    int q = 0;
    while (q < p) {
      if (((x >> q) & 1) != 0) s += q; else t = t * 2 % 1001;
      q++;
    }
    int tmp = s; s = t; t = tmp + p;
  }
  o[i] = s * 7 + t;
}
