#version 450
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer In { vec4 a[]; };
layout(std430, binding = 1) buffer Out { vec4 o[]; };
void main() {
  uint i = gl_GlobalInvocationID.x;
  vec4 x = a[i];
  vec4 y = a[(i + 1u) % 256u];
  vec3 c = cross(x.xyz, y.zyx);
  float d = dot(x, y);
  vec2 m = x.wz * 2.0 + y.xy;
  o[3u * i + 0u] = vec4(c, d);
  o[3u * i + 1u] = vec4(m, length(x.xy), x.y - y.w);
  vec3 n = normalize(x.xyz + vec3(2.0));
  o[3u * i + 2u] = vec4(n.zx, m.yx * vec2(3.0, -1.0));
}
