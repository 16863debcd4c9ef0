#version 450
layout(local_size_x = 64) in;
layout(std140, binding = 0) uniform Params { float scale[8]; vec4 offs[4]; int count; } P;
layout(std430, binding = 1) buffer Out { float o[]; };
void main() {
  uint i = gl_GlobalInvocationID.x;
  int k = int(i % 8u);
  vec4 off = P.offs[i % 4u];
  o[i] = P.scale[k] * float(i) + off[int(i % 3u)] + float(P.count);
}
