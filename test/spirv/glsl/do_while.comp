#version 450
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer In { int a[]; };
layout(std430, binding = 1) buffer Out { int o[]; };
void main() {
  uint i = gl_GlobalInvocationID.x;
  int k = a[i] & 31;
  int s = 0;
  do {
    k--;
    if (k % 3 == 0) continue;
    s += k;
  } while (k > 0);
  o[i] = s;
}
