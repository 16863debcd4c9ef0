#version 450
#extension GL_EXT_shader_atomic_float : require
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer In { float a[]; };
layout(std430, binding = 1) buffer Out { float o[]; };
shared float sum;
void main() {
  if (gl_LocalInvocationID.x == 0u) sum = 0.0;
  barrier();
  atomicAdd(sum, a[gl_GlobalInvocationID.x]);
  barrier();
  if (gl_LocalInvocationID.x == 0u) o[gl_WorkGroupID.x] = sum;
}
