#version 450
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer In { int a[]; };
layout(std430, binding = 1) buffer Out { int o[]; };
bool check(int v) { return a[uint(v) % 256u] > 0; }
void main() {
  uint i = gl_GlobalInvocationID.x;
  int x = a[i];
  int r = 0;
  if (x > 10 && check(x)) r += 1;
  if (x < -10 || check(x + 1)) r += 2;
  r += (x > 0 ? x : -x) % 7;
  o[i] = r;
}
