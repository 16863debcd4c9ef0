#version 450
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer In { float a[]; };
layout(std430, binding = 1) buffer Out { float o[]; };
void main() {
  uint i = gl_GlobalInvocationID.x;
  float x = a[i];
  float y = a[(i + 9u) % 256u];
  uint b = 12u * i;
  o[b+0u] = clamp(x, -0.5, 0.75); o[b+1u] = min(x, y); o[b+2u] = max(x, y);
  o[b+3u] = mix(x, y, 0.25); o[b+4u] = step(0.1, x); o[b+5u] = smoothstep(-1.0, 1.0, x);
  o[b+6u] = fma(x, y, 1.0); o[b+7u] = degrees(radians(x));
  o[b+8u] = exp2(x); o[b+9u] = log2(abs(y) + 1.0);
  o[b+10u] = distance(vec2(x, y), vec2(1.0, 0.0));
  o[b+11u] = reflect(vec2(x, y), vec2(0.0, 1.0)).y + asin(clamp(x, -1.0, 1.0));
}
