#version 450
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer In { int a[]; };
layout(std430, binding = 1) buffer Out { int o[]; };
void main() {
  uint i = gl_GlobalInvocationID.x;
  int x = a[i];
  int r;
  switch (x % 7) {
    case 0: r = 100; break;
    case 1: case 2: r = x * 2; break;
    case -3: r = -3000; break;
    case 4: { r = 0; for (int k = 0; k < x % 5; k++) r += k; } break;
    default: r = 7;
  }
  o[i] = r;
}
