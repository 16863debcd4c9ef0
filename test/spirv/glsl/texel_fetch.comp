#version 450
layout(local_size_x = 8, local_size_y = 8) in;
layout(binding = 0) uniform sampler2D tex;
layout(std430, binding = 1) buffer Out { vec4 o[]; };
void main() {
  ivec2 p = ivec2(gl_GlobalInvocationID.xy);
  ivec2 size = textureSize(tex, 0);
  vec4 a = texelFetch(tex, p, 0);
  vec4 b = textureLod(tex, (vec2(p) + 0.5) / vec2(size), 0.0);
  o[p.y * size.x + p.x] = a + b * 10.0 + vec4(float(size.x));
}
