#version 450
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer In { ivec4 a[]; };
layout(std430, binding = 1) buffer Out { ivec4 o[]; };
void main() {
  uint i = gl_GlobalInvocationID.x;
  ivec4 v = a[i];
  int k = int(i % 4u);
  int picked = v[k];
  v[(k + 1) % 4] = picked * 10;
  v.x += 1;
  o[i] = v;
}
