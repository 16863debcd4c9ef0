#version 450
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer In { int a[]; };
layout(std430, binding = 1) buffer Out { int o[]; };
void main() {
  uint i = gl_GlobalInvocationID.x;
  o[i] = -1;
  if ((i & 3u) == 1u) return;
  int x = a[i];
  for (int k = 0; k < 20; k++) {
    if (x > 1000) { o[i] = k; return; }
    x = x * 2 + 1;
  }
  o[i] = x;
}
