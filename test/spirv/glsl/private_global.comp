#version 450
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer In { int a[]; };
layout(std430, binding = 1) buffer Out { int o[]; };
int state = 5;
ivec2 pair = ivec2(1, 2);
void bump(int by) { state += by; pair = pair.yx + ivec2(by); }
void main() {
  uint i = gl_GlobalInvocationID.x;
  bump(a[i]);
  bump(3);
  o[i] = state * 100 + pair.x * 10 + pair.y;
}
