#version 450
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer In { float a[]; };
layout(std430, binding = 1) buffer Out { uint o[]; };
void main() {
  uint i = gl_GlobalInvocationID.x;
  float x = a[i];
  int s = int(x);
  uint u = uint(abs(x));
  o[5u * i + 0u] = uint(s);
  o[5u * i + 1u] = u;
  o[5u * i + 2u] = floatBitsToUint(float(s) * 0.25);
  o[5u * i + 3u] = floatBitsToUint(float(u + 1u));
  o[5u * i + 4u] = uint(floatBitsToInt(x) >> 1) + floatBitsToUint(intBitsToFloat(0x3f800000));
}
