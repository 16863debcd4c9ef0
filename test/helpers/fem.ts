// The implicit FEM example (examples/implicit_fem.py) on the CPU in double precision: the same
// mesh, forces and 12-iteration CG solve per step as the module's `step` graph, for checking the
// FEM demo page's picture.

const N = 12;
const NODES = N * N;
const SPACING = 1 / (N - 1);
const MASS = 1 / NODES;
const MU = 40;
const LAMBDA = 60;
const GRAVITY = 9.8;
const CG_ITERATIONS = 12;

type Mat2 = [number, number, number, number]; // row-major a00 a01 a10 a11

export interface Plate {
  /** Node positions, x0 y0 x1 y1 ... (node i * N + j rests at (i, j) * SPACING). */
  x: Float64Array;
  v: Float64Array;
  /** Node indices, three per triangle. */
  triangles: Int32Array;
  B: Mat2[];
  W: number[];
}

const fixed = (n: number): boolean => n < N;

export function initPlate(): Plate {
  const x = new Float64Array(2 * NODES);
  for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) x.set([i * SPACING, j * SPACING], 2 * (i * N + j));
  const triangles = new Int32Array(3 * 2 * (N - 1) * (N - 1));
  for (let i = 0; i < N - 1; i++) {
    for (let j = 0; j < N - 1; j++) {
      const a = i * N + j;
      const e = 2 * (i * (N - 1) + j);
      triangles.set([a, a + N, a + 1], 3 * e);
      triangles.set([a + N + 1, a + 1, a + N], 3 * e + 3);
    }
  }
  const B: Mat2[] = [];
  const W: number[] = [];
  for (let e = 0; e < triangles.length / 3; e++) {
    const [a, b, c] = triangles.subarray(3 * e, 3 * e + 3);
    // Dm's columns are x[b] - x[a] and x[c] - x[a].
    const m: Mat2 = [x[2 * b] - x[2 * a], x[2 * c] - x[2 * a], x[2 * b + 1] - x[2 * a + 1], x[2 * c + 1] - x[2 * a + 1]];
    const det = m[0] * m[3] - m[1] * m[2];
    B.push([m[3] / det, -m[1] / det, -m[2] / det, m[0] / det]);
    W.push(Math.abs(det) * 0.5);
  }
  return { x, v: new Float64Array(2 * NODES), triangles, B, W };
}

/** Adds scale times the linear elastic force of displacement u to out. */
function elasticForce(plate: Plate, u: Float64Array, out: Float64Array, scale: number): void {
  const { triangles, B, W } = plate;
  for (let e = 0; e < W.length; e++) {
    const [a, b, c] = triangles.subarray(3 * e, 3 * e + 3);
    const d: Mat2 = [u[2 * b] - u[2 * a], u[2 * c] - u[2 * a], u[2 * b + 1] - u[2 * a + 1], u[2 * c + 1] - u[2 * a + 1]];
    const Be = B[e];
    const G: Mat2 = [d[0] * Be[0] + d[1] * Be[2], d[0] * Be[1] + d[1] * Be[3], d[2] * Be[0] + d[3] * Be[2], d[2] * Be[1] + d[3] * Be[3]];
    const trace = G[0] + G[3];
    const P: Mat2 = [2 * MU * G[0] + LAMBDA * trace, MU * (G[1] + G[2]), MU * (G[2] + G[1]), 2 * MU * G[3] + LAMBDA * trace];
    // H = -W P B^T
    const H: Mat2 = [
      -W[e] * (P[0] * Be[0] + P[1] * Be[1]),
      -W[e] * (P[0] * Be[2] + P[1] * Be[3]),
      -W[e] * (P[2] * Be[0] + P[3] * Be[1]),
      -W[e] * (P[2] * Be[2] + P[3] * Be[3]),
    ];
    const f1 = [H[0] * scale, H[2] * scale];
    const f2 = [H[1] * scale, H[3] * scale];
    out[2 * b] += f1[0];
    out[2 * b + 1] += f1[1];
    out[2 * c] += f2[0];
    out[2 * c + 1] += f2[1];
    out[2 * a] -= f1[0] + f2[0];
    out[2 * a + 1] -= f1[1] + f2[1];
  }
}

/** A p = M p - dt^2 K p, with fixed nodes' rows the identity. */
function matmul(plate: Plate, p: Float64Array, dt: number): Float64Array {
  const Ap = p.map((value) => MASS * value);
  elasticForce(plate, p, Ap, -dt * dt);
  for (let n = 0; n < N; n++) Ap.set([p[2 * n], p[2 * n + 1]], 2 * n);
  return Ap;
}

const dot = (a: Float64Array, b: Float64Array): number => a.reduce((sum, value, k) => sum + value * b[k], 0);

/** One implicit Euler step, as the module's `step` graph does it. */
export function stepPlate(plate: Plate, dt: number): void {
  const { x, v } = plate;
  const u = new Float64Array(x.length);
  for (let n = 0; n < NODES; n++) u.set([x[2 * n] - Math.floor(n / N) * SPACING, x[2 * n + 1] - (n % N) * SPACING], 2 * n);
  const f = new Float64Array(x.length);
  for (let n = 0; n < NODES; n++) f[2 * n + 1] = -GRAVITY * MASS;
  elasticForce(plate, u, f, 1);
  const b = v.map((value, k) => (fixed(k >> 1) ? 0 : MASS * value + dt * f[k]));
  const Av = matmul(plate, v, dt);
  const r = b.map((value, k) => value - Av[k]);
  let p = r.slice();
  let rr = dot(r, r);
  for (let it = 0; it < CG_ITERATIONS; it++) {
    const Ap = matmul(plate, p, dt);
    const alpha = rr / dot(p, Ap);
    for (let k = 0; k < v.length; k++) v[k] += alpha * p[k];
    for (let k = 0; k < r.length; k++) r[k] -= alpha * Ap[k];
    const rrNew = dot(r, r);
    const beta = rrNew / rr;
    p = r.map((value, k) => value + beta * p[k]);
    rr = rrNew;
  }
  for (let k = 0; k < x.length; k++) x[k] += dt * v[k];
}
