#version 450
// The external program reads an image: dst[i] = texel(i) * 2 + 1 over a 16x16 R32F image.
layout(local_size_x = 64) in;
layout(set = 0, binding = 0, r32f) uniform readonly image2D src;
layout(std430, set = 0, binding = 1) buffer Dst { float dst[]; };
void main() {
  uint i = gl_GlobalInvocationID.x;
  dst[i] = imageLoad(src, ivec2(i % 16u, i / 16u)).x * 2.0 + 1.0;
}
