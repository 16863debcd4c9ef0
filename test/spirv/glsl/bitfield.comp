#version 450
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer In { uint a[]; };
layout(std430, binding = 1) buffer Out { int o[]; };
void main() {
  uint i = gl_GlobalInvocationID.x;
  uint x = a[i];
  int s = int(x);
  o[6u * i + 0u] = int(bitfieldExtract(x, 3, 7));
  o[6u * i + 1u] = bitfieldExtract(s, 5, 9);
  o[6u * i + 2u] = int(bitfieldInsert(x, 0x5u, 4, 3));
  o[6u * i + 3u] = bitCount(x);
  o[6u * i + 4u] = findLSB(x);
  o[6u * i + 5u] = findMSB(x) + 100 * findMSB(s);
}
