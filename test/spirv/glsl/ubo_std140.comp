#version 450
layout(local_size_x = 64) in;
struct Inner { vec2 a; int b; };
layout(std140, binding = 0) uniform Params {
  vec3 v3; float f;
  float arr[4];
  mat3 m;
  Inner inner;
  int k; uint u;
  vec4 tail;
} P;
layout(std430, binding = 1) buffer Out { float o[]; };
void main() {
  uint i = gl_GlobalInvocationID.x;
  if (i > 0u) return;
  o[0] = P.v3.x; o[1] = P.v3.y; o[2] = P.v3.z; o[3] = P.f;
  for (int k = 0; k < 4; k++) o[4 + k] = P.arr[k];
  for (int c = 0; c < 3; c++) for (int r = 0; r < 3; r++) o[8 + c * 3 + r] = P.m[c][r];
  o[17] = P.inner.a.x; o[18] = P.inner.a.y; o[19] = float(P.inner.b);
  o[20] = float(P.k); o[21] = float(P.u);
  o[22] = P.tail.w;
  Inner copy = P.inner;
  mat3 mm = P.m;
  o[23] = copy.a.y + float(copy.b) + mm[2][0];
}
