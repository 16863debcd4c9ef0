#version 450
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer In { mat4 m[]; };
layout(std430, binding = 1) buffer Out { vec4 o[]; };
void main() {
  uint i = gl_GlobalInvocationID.x;
  mat4 x = m[i];
  o[i] = x * vec4(1.0, -1.0, 0.5, 2.0);
}
