#version 450
layout(local_size_x = 8, local_size_y = 8) in;
layout(r32f, binding = 0) uniform image2D img;
layout(rgba32f, binding = 1) uniform writeonly image2D outImg;
void main() {
  ivec2 p = ivec2(gl_GlobalInvocationID.xy);
  ivec2 size = imageSize(img);
  float v = imageLoad(img, p).x;
  imageStore(img, p, vec4(v * 2.0 + float(size.x)));
  imageStore(outImg, p, vec4(float(p.x), float(p.y), v, float(size.y)));
}
