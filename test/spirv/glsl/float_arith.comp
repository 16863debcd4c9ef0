#version 450
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer In { float a[]; };
layout(std430, binding = 1) buffer Out { float o[]; };
void main() {
  uint i = gl_GlobalInvocationID.x;
  float x = a[i];
  float y = a[(i * 3u + 1u) % 256u];
  o[4u * i + 0u] = x * y + 0.5;
  o[4u * i + 1u] = x / (abs(y) + 1.0);
  o[4u * i + 2u] = -x - y;
  o[4u * i + 3u] = mod(x, 1.5);
}
