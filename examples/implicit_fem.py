"""An elastic plate of linear triangles, clamped on its left edge and bent by gravity, advanced by
implicit Euler: each step solves (M - dt^2 K) v = M v + dt f with conjugate gradients.

Exports implicit_fem.cgraph.tcm with graphs `init(x, v, triangles, B, W)` and
`step(x, v, f, b, r, p, Ap, u, triangles, B, W, rr, rr_new, pAp, alpha, beta, dt)`. The CG solver keeps its
dot products and step sizes in 0-dim ndarrays (`ti.ndarray(ti.f32, shape=())`), and passes one
ndarray to two parameters as CG does (`dot(r, r)`, `add(x, x, alpha, p)`)."""

from _ti import archive, start, ti

N = 12  # nodes per side
NODES = N * N
TRIANGLES = 2 * (N - 1) * (N - 1)
SPACING = 1.0 / (N - 1)
MASS = 1.0 / NODES
MU, LAMBDA = 40.0, 60.0
GRAVITY = 9.8
CG_ITERATIONS = 12

points = ti.types.ndarray(ti.math.vec2, ndim=1)
scalar = ti.types.ndarray(ti.f32, ndim=0)


@ti.kernel
def init_mesh(x: points, v: points, triangles: ti.types.ndarray(ti.math.ivec3, ndim=1), B: ti.types.ndarray(ti.math.mat2, ndim=1), W: ti.types.ndarray(ti.f32, ndim=1)):
    for i, j in ti.ndrange(N, N):
        x[i * N + j] = ti.Vector([i * SPACING, j * SPACING])
        v[i * N + j] = ti.Vector([0.0, 0.0])
    for i, j in ti.ndrange(N - 1, N - 1):
        a = i * N + j
        e = 2 * (i * (N - 1) + j)
        triangles[e] = ti.Vector([a, a + N, a + 1])
        triangles[e + 1] = ti.Vector([a + N + 1, a + 1, a + N])
    for e in triangles:
        t = triangles[e]
        Dm = ti.Matrix.cols([x[t[1]] - x[t[0]], x[t[2]] - x[t[0]]])
        B[e] = Dm.inverse()
        W[e] = ti.abs(Dm.determinant()) * 0.5


@ti.func
def fixed(n):
    return n < N  # the first column of nodes (i == 0) is clamped


@ti.func
def elastic_force(u: ti.template(), triangles: ti.template(), B: ti.template(), W: ti.template(), out: ti.template(), scale):
    # Linear elasticity: stress mu (G + G^T) + lambda tr(G) I of the displacement gradient G.
    for e in triangles:
        t = triangles[e]
        G = ti.Matrix.cols([u[t[1]] - u[t[0]], u[t[2]] - u[t[0]]]) @ B[e]
        P = MU * (G + G.transpose()) + LAMBDA * G.trace() * ti.Matrix.identity(ti.f32, 2)
        H = -W[e] * P @ B[e].transpose()
        f1 = ti.Vector([H[0, 0], H[1, 0]]) * scale
        f2 = ti.Vector([H[0, 1], H[1, 1]]) * scale
        ti.atomic_add(out[t[1]], f1)
        ti.atomic_add(out[t[2]], f2)
        ti.atomic_add(out[t[0]], -f1 - f2)


@ti.kernel
def rest_displacement(x: points, u: points):
    for n in x:
        u[n] = x[n] - ti.Vector([(n // N) * SPACING, (n % N) * SPACING])


@ti.kernel
def get_force(u: points, f: points, triangles: ti.types.ndarray(ti.math.ivec3, ndim=1), B: ti.types.ndarray(ti.math.mat2, ndim=1), W: ti.types.ndarray(ti.f32, ndim=1)):
    for n in f:
        f[n] = ti.Vector([0.0, -GRAVITY * MASS])
    elastic_force(u, triangles, B, W, f, 1.0)


@ti.kernel
def get_b(v: points, f: points, b: points, dt: ti.f32):
    for n in b:
        b[n] = MASS * v[n] + dt * f[n]
        if fixed(n):
            b[n] = ti.Vector([0.0, 0.0])


@ti.kernel
def matmul(p: points, Ap: points, triangles: ti.types.ndarray(ti.math.ivec3, ndim=1), B: ti.types.ndarray(ti.math.mat2, ndim=1), W: ti.types.ndarray(ti.f32, ndim=1), dt: ti.f32):
    # A p = M p - dt^2 K p, with K p the elastic force of the displacement p; fixed nodes: A p = p.
    for n in Ap:
        Ap[n] = MASS * p[n]
    elastic_force(p, triangles, B, W, Ap, -dt * dt)
    for n in Ap:
        if fixed(n):
            Ap[n] = p[n]


@ti.kernel
def add(ans: points, a: points, k: scalar, b: points):
    for n in ans:
        ans[n] = a[n] + k[None] * b[n]


@ti.kernel
def sub(ans: points, a: points, k: scalar, b: points):
    for n in ans:
        ans[n] = a[n] - k[None] * b[n]


@ti.kernel
def residual(r: points, b: points, Ap: points):
    for n in r:
        r[n] = b[n] - Ap[n]


@ti.kernel
def add_scaled(ans: points, a: points, k: ti.f32, b: points):
    for n in ans:
        ans[n] = a[n] + k * b[n]


@ti.kernel
def dot(a: points, b: points, out: scalar):
    out[None] = 0.0
    for n in a:
        out[None] += a[n].dot(b[n])


@ti.kernel
def divide(out: scalar, num: scalar, den: scalar):
    out[None] = num[None] / den[None]


@ti.kernel
def copy(dst: points, src: points):
    for n in dst:
        dst[n] = src[n]


def graphs():
    A = ti.graph.Arg
    K = ti.graph.ArgKind
    nd = {name: A(K.NDARRAY, name, ti.math.vec2, ndim=1) for name in ("x", "v", "f", "b", "r", "p", "Ap", "u")}
    triangles = A(K.NDARRAY, "triangles", ti.math.ivec3, ndim=1)
    B = A(K.NDARRAY, "B", ti.math.mat2, ndim=1)
    W = A(K.NDARRAY, "W", ti.f32, ndim=1)
    s = {name: A(K.NDARRAY, name, ti.f32, ndim=0) for name in ("rr", "rr_new", "pAp", "alpha", "beta")}
    dt = A(K.SCALAR, "dt", ti.f32)
    x, v, f, b, r, p, Ap, u = (nd[k] for k in ("x", "v", "f", "b", "r", "p", "Ap", "u"))

    init = ti.graph.GraphBuilder()
    init.dispatch(init_mesh, x, v, triangles, B, W)

    step = ti.graph.GraphBuilder()
    step.dispatch(rest_displacement, x, u)
    step.dispatch(get_force, u, f, triangles, B, W)
    step.dispatch(get_b, v, f, b, dt)
    # CG on A v = b from the current v: r = b - A v, p = r.
    step.dispatch(matmul, v, Ap, triangles, B, W, dt)
    step.dispatch(residual, r, b, Ap)
    step.dispatch(copy, p, r)
    step.dispatch(dot, r, r, s["rr"])
    for _ in range(CG_ITERATIONS):
        step.dispatch(matmul, p, Ap, triangles, B, W, dt)
        step.dispatch(dot, p, Ap, s["pAp"])
        step.dispatch(divide, s["alpha"], s["rr"], s["pAp"])
        step.dispatch(add, v, v, s["alpha"], p)
        step.dispatch(sub, r, r, s["alpha"], Ap)
        step.dispatch(dot, r, r, s["rr_new"])
        step.dispatch(divide, s["beta"], s["rr_new"], s["rr"])
        step.dispatch(add, p, r, s["beta"], p)
        step.dispatch(copy_scalar, s["rr"], s["rr_new"])
    step.dispatch(add_scaled, x, x, dt, v)
    return {"init": init.compile(), "step": step.compile()}


@ti.kernel
def copy_scalar(dst: scalar, src: scalar):
    dst[None] = src[None]


def main():
    start()
    m = ti.aot.Module(arch=ti.vulkan)
    for name, g in graphs().items():
        m.add_graph(name, g)
    archive(m, "implicit_fem.cgraph")


if __name__ == "__main__":
    main()
