#version 450
#extension GL_EXT_shader_atomic_float : require
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer In { float a[]; };
layout(std430, binding = 1) buffer Out { float o[]; };
void main() {
  uint i = gl_GlobalInvocationID.x;
  atomicAdd(o[0], float(i % 16u));
  atomicAdd(o[1 + (i % 4u)], a[i % 256u]);
  float old = atomicAdd(o[5], 1.0);
  if (old == 1023.0) o[6] = 42.0;
}
