#version 450
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer In { vec4 a[]; };
layout(std430, binding = 1) buffer Out { uint o[]; };
void main() {
  uint i = gl_GlobalInvocationID.x;
  vec4 v = a[i];
  o[4u * i + 0u] = packHalf2x16(v.xy);
  o[4u * i + 1u] = packUnorm4x8(clamp(v, 0.0, 1.0));
  o[4u * i + 2u] = packSnorm4x8(clamp(v, -1.0, 1.0));
  o[4u * i + 3u] = floatBitsToUint(unpackHalf2x16(0x3c004000u).y + unpackUnorm4x8(0x000000ffu).x);
}
