#version 450
// The external program writes an image: texel(i) = i over a 16x16 R32F image.
layout(local_size_x = 64) in;
layout(std430, set = 0, binding = 0) readonly buffer Src { float src[]; };
layout(set = 0, binding = 1, r32f) uniform writeonly image2D dst;
void main() {
  uint i = gl_GlobalInvocationID.x;
  imageStore(dst, ivec2(i % 16u, i / 16u), vec4(float(i) + 0.0 * src[0], 0.0, 0.0, 0.0));
}
