#version 450
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer In { float a[]; };
layout(std430, binding = 1) buffer Out { float o[]; };
void main() {
  uint i = gl_GlobalInvocationID.x;
  float x = a[i];
  float p = abs(x) + 0.1;
  uint b = 16u * i;
  o[b+0u] = sin(x); o[b+1u] = cos(x); o[b+2u] = exp(x * 0.5); o[b+3u] = log(p);
  o[b+4u] = sqrt(p); o[b+5u] = inversesqrt(p); o[b+6u] = pow(p, 1.5); o[b+7u] = abs(x);
  o[b+8u] = sign(x); o[b+9u] = floor(x); o[b+10u] = ceil(x); o[b+11u] = fract(x);
  o[b+12u] = trunc(x); o[b+13u] = roundEven(x * 2.0); o[b+14u] = atan(x, 1.5); o[b+15u] = tanh(x * 0.3);
}
