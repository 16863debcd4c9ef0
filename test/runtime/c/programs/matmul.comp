#version 450
// C = A * B for N x N matrices in TILE x TILE tiles of shared memory; TILE is a specialization
// constant that sets both the workgroup size and the shared arrays' size.
layout(constant_id = 0) const uint TILE = 8;
layout(constant_id = 1) const uint N = 64;
layout(local_size_x_id = 0, local_size_y_id = 0) in;
layout(std430, set = 0, binding = 0) readonly buffer A { float a[]; };
layout(std430, set = 0, binding = 1) readonly buffer B { float b[]; };
layout(std430, set = 0, binding = 2) writeonly buffer C { float c[]; };
shared float ta[TILE][TILE];
shared float tb[TILE][TILE];
void main() {
  uint row = gl_GlobalInvocationID.y, col = gl_GlobalInvocationID.x;
  uint ly = gl_LocalInvocationID.y, lx = gl_LocalInvocationID.x;
  float acc = 0.0;
  for (uint t = 0u; t < N; t += TILE) {
    ta[ly][lx] = a[row * N + t + lx];
    tb[ly][lx] = b[(t + ly) * N + col];
    barrier();
    for (uint k = 0u; k < TILE; ++k) acc += ta[ly][k] * tb[k][lx];
    barrier();
  }
  c[row * N + col] = acc;
}
