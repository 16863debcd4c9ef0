#version 450
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer In { uint a[]; };
layout(std430, binding = 1) buffer Out { uint o[]; };
void main() {
  uint i = gl_GlobalInvocationID.x;
  uint x = a[i];
  uint acc = 0u;
  for (uint k = 0u; k < 12u; k++) {
    switch ((x >> k) & 3u) {
      case 0u: acc += 1u; break;
      case 1u: continue;
      case 2u: acc *= 3u; break;
      default: acc ^= k;
    }
    acc += 100u;
  }
  o[i] = acc;
}
