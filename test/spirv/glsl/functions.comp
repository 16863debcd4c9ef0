#version 450
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer In { float a[]; };
layout(std430, binding = 1) buffer Out { float o[]; };
float sq(float x) { return x * x; }
void split(in float x, out float whole, out float part) { whole = floor(x); part = x - whole; }
void accumulate(inout float acc, float v) { acc += sq(v); }
int pick(int k) { if (k > 2) return k * 2; return -k; }
void main() {
  uint i = gl_GlobalInvocationID.x;
  float w, p;
  split(a[i] * 3.0, w, p);
  float acc = 1.0;
  accumulate(acc, w);
  accumulate(acc, p);
  o[i] = acc + float(pick(int(i % 6u)));
}
