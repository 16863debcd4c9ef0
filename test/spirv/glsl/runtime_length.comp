#version 450
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer In { uint header; float a[]; };
layout(std430, binding = 1) buffer Out { uint o[]; };
void main() {
  uint i = gl_GlobalInvocationID.x;
  o[i] = uint(a.length()) + header + uint(a[i % uint(a.length())]);
}
