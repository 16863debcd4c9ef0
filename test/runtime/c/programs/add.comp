#version 450
// Adds one to each element: a wait that returned early would leave the previous count behind.
layout(local_size_x = 64) in;
layout(std430, set = 0, binding = 0) buffer Data { uint data[]; };
void main() {
  data[gl_GlobalInvocationID.x] += 1u;
}
