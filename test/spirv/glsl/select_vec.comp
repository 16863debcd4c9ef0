#version 450
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer In { vec4 a[]; };
layout(std430, binding = 1) buffer Out { vec4 o[]; };
void main() {
  uint i = gl_GlobalInvocationID.x;
  vec4 x = a[i];
  vec4 y = a[(i + 5u) % 256u];
  bvec4 lt = lessThan(x, y);
  vec4 m = mix(x, y, lt);
  o[i] = m + (any(lt) ? vec4(1.0) : vec4(0.0)) + (all(greaterThanEqual(x, vec4(-10.0))) ? vec4(0.5) : vec4(0.0));
}
