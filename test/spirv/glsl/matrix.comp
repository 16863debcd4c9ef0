#version 450
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer In { float a[]; };
layout(std430, binding = 1) buffer Out { float o[]; };
void main() {
  uint i = gl_GlobalInvocationID.x;
  uint b = 9u * i;
  mat3 m = mat3(a[b], a[b+1u], a[b+2u], a[b+3u], a[b+4u], a[b+5u], a[b+6u], a[b+7u], a[b+8u]);
  vec3 v = vec3(a[b], 1.0, -2.0);
  vec3 mv = m * v;
  vec3 vm = v * m;
  mat3 mm = m * transpose(m) * 0.5;
  mat3 op = outerProduct(v, mv);
  uint ob = 16u * i;
  o[ob+0u] = mv.x; o[ob+1u] = mv.y; o[ob+2u] = mv.z;
  o[ob+3u] = vm.x; o[ob+4u] = vm.y; o[ob+5u] = vm.z;
  o[ob+6u] = mm[0][0]; o[ob+7u] = mm[1][2]; o[ob+8u] = mm[2][1];
  o[ob+9u] = determinant(m);
  o[ob+10u] = op[2][1]; o[ob+11u] = op[0][2];
  mat2 q = mat2(m[0].xy, m[1].xy);
  vec2 qv = q * vec2(1.0, 2.0);
  o[ob+12u] = qv.x; o[ob+13u] = qv.y; o[ob+14u] = (m + m)[1][1]; o[ob+15u] = (m * m)[0][1];
}
