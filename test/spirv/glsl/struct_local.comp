#version 450
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer In { float a[]; };
layout(std430, binding = 1) buffer Out { float o[]; };
struct P { vec2 pos; float mass; int id; };
P make(uint i) { P p; p.pos = vec2(a[i], a[(i + 1u) % 256u]); p.mass = 2.0; p.id = int(i); return p; }
float energy(P p) { return 0.5 * p.mass * dot(p.pos, p.pos) + float(p.id); }
void main() {
  uint i = gl_GlobalInvocationID.x;
  P p = make(i);
  P q = p;
  q.mass = 4.0;
  o[i] = energy(p) + energy(q);
}
