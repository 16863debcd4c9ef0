#version 450
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer In { float a[]; };
layout(std430, binding = 1) buffer Out { float o[]; };
float counter = 2.0;
float fetch(uint k) { counter += 1.0; return a[k % 256u] * counter; }
void emit(uint k, float v) { o[k] = v + float(gl_GlobalInvocationID.x % 3u); }
void main() {
  uint i = gl_GlobalInvocationID.x;
  float v = fetch(i) + fetch(i + 1u);
  emit(i, v);
}
