#version 450
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer In { float a[]; };
layout(std430, binding = 1) buffer Out { float o[]; };
void main() {
  uint i = gl_GlobalInvocationID.x;
  float arr[8];
  for (int k = 0; k < 8; k++) arr[k] = a[(i + uint(k)) % 256u] * float(k + 1);
  float s = 0.0;
  for (int k = 7; k >= 0; k -= 2) s += arr[k];
  o[i] = s + arr[i % 8u];
}
