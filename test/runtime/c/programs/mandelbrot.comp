#version 450
// Iterations until escape for each pixel of the view [-2.25, 0.75] x [-1.125, 1.125].
layout(local_size_x = 16, local_size_y = 16) in;
layout(push_constant) uniform Push { uint width; uint height; uint max_iter; } pc;
layout(std430, set = 0, binding = 0) writeonly buffer Out { uint iterations[]; };
void main() {
  uvec2 p = gl_GlobalInvocationID.xy;
  if (p.x >= pc.width || p.y >= pc.height) return;
  float cx = -2.25 + 3.0 * (float(p.x) + 0.5) / float(pc.width);
  float cy = -1.125 + 2.25 * (float(p.y) + 0.5) / float(pc.height);
  float x = 0.0, y = 0.0;
  uint i = 0u;
  while (i < pc.max_iter && x * x + y * y <= 4.0) {
    float t = x * x - y * y + cx;
    y = 2.0 * x * y + cy;
    x = t;
    ++i;
  }
  iterations[p.y * pc.width + p.x] = i;
}
