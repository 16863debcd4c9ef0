#version 450
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer In { int a[]; };
layout(std430, binding = 1) buffer Out { int o[]; };
void main() {
  uint i = gl_GlobalInvocationID.x;
  int x = a[i];
  int y = a[(i + 3u) % 256u];
  uint ux = uint(x), uy = uint(y);
  uint b = 8u * i;
  o[b+0u] = abs(x); o[b+1u] = sign(x); o[b+2u] = min(x, y); o[b+3u] = max(x, y);
  o[b+4u] = clamp(x, -100, 100); o[b+5u] = int(min(ux, uy)); o[b+6u] = int(max(ux, uy));
  o[b+7u] = int(clamp(ux, 10u, 500u));
}
