#version 450
layout(local_size_x = 64) in;
struct S { vec3 p; float w; ivec2 q; uint f; };
layout(std430, binding = 0) buffer In { S s[]; };
layout(std430, binding = 1) buffer Out { S o[]; };
void main() {
  uint i = gl_GlobalInvocationID.x;
  S v = s[i];
  v.p = v.p * v.w;
  v.q = v.q.yx + ivec2(1, 2);
  v.f = v.f ^ 0xffu;
  o[i] = v;
}
