#version 450
layout(local_size_x = 8, local_size_y = 4, local_size_z = 2) in;
layout(std430, binding = 0) buffer Out { uint o[]; };
void main() {
  uint idx = gl_GlobalInvocationID.z * (gl_NumWorkGroups.x * gl_WorkGroupSize.x * gl_NumWorkGroups.y * gl_WorkGroupSize.y)
           + gl_GlobalInvocationID.y * (gl_NumWorkGroups.x * gl_WorkGroupSize.x) + gl_GlobalInvocationID.x;
  uint b = 8u * idx;
  o[b+0u] = gl_GlobalInvocationID.x; o[b+1u] = gl_GlobalInvocationID.y; o[b+2u] = gl_GlobalInvocationID.z;
  o[b+3u] = gl_LocalInvocationID.x + 10u * gl_LocalInvocationID.y + 100u * gl_LocalInvocationID.z;
  o[b+4u] = gl_WorkGroupID.x + 10u * gl_WorkGroupID.y + 100u * gl_WorkGroupID.z;
  o[b+5u] = gl_NumWorkGroups.x + 10u * gl_NumWorkGroups.y + 100u * gl_NumWorkGroups.z;
  o[b+6u] = gl_LocalInvocationIndex;
  o[b+7u] = gl_WorkGroupSize.x * gl_WorkGroupSize.y * gl_WorkGroupSize.z;
}
