"""More of one ndarray in several parameters (issue 14; aliasing.py has the first): read twice, read and written, written twice,
atomics through one parameter while another reads, in kernels and in a graph (a conjugate-gradient
solver as Taichi's implicit FEM example writes it: dot(r, r), axpy with x twice)."""

from corpus import case, graph, ints, nd, ti, uniform

REDUCTION = "float sums through atomics: the device adds in another order than the CPU backend"


@ti.kernel
def axpy(y: ti.types.ndarray(ti.f32, ndim=1), x: ti.types.ndarray(ti.f32, ndim=1), a: ti.f32):
    for i in y:
        y[i] = y[i] + a * x[i]


case("axpy_x_twice", (axpy, x := nd(ti.f32, (1000,), ints(-100, 100)), x, 3.0), out=[x], why="small integers in f32: exact")


@ti.kernel
def dot(a: ti.types.ndarray(ti.f32, ndim=1), b: ti.types.ndarray(ti.f32, ndim=1), out: ti.types.ndarray(ti.f32, ndim=0)):
    out[None] = 0.0
    for i in a:
        out[None] += a[i] * b[i]


case("dot_r_r", (dot, r := nd(ti.f32, (4096,), uniform(-1, 1)), r, out := nd(ti.f32, ())), out=[out], rtol=1e-4, why=REDUCTION)


@ti.kernel
def matmul(a: ti.types.ndarray(ti.f32, ndim=2), b: ti.types.ndarray(ti.f32, ndim=2), c: ti.types.ndarray(ti.f32, ndim=2)):
    for i, j in c:
        acc = 0.0
        for k in range(a.shape[1]):
            acc += a[i, k] * b[k, j]
        c[i, j] = acc


case("matmul_a_a", (matmul, a := nd(ti.f32, (24, 24), ints(-4, 4)), a, c := nd(ti.f32, (24, 24))), out=[c], why="sums of small integer products in f32: exact")


@ti.kernel
def bump_then_double(a: ti.types.ndarray(ti.i32, ndim=1), b: ti.types.ndarray(ti.i32, ndim=1)):
    for i in a:
        a[i] = a[i] + 1
        b[i] = b[i] * 2


case("written_twice", (bump_then_double, x := nd(ti.i32, (500,), ints(-1000, 1000)), x), out=[x])


@ti.kernel
def residue_histogram(counts: ti.types.ndarray(ti.i32, ndim=1), values: ti.types.ndarray(ti.i32, ndim=1)):
    # counts[0:4] and values[8:] are one buffer's disjoint parts.
    for i in range(8, values.shape[0]):
        ti.atomic_add(counts[values[i] % 4], values[i])


case("atomics_while_reading", (residue_histogram, h := nd(ti.i32, (300,), ints(0, 50)), h), out=[h])


@ti.kernel
def add_scaled(x: ti.types.ndarray(ti.f32, ndim=2), y: ti.types.ndarray(ti.f32, ndim=2), w: ti.i32, h: ti.i32, s: ti.f32):
    for i, j in ti.ndrange(w, h):
        x[i, j] = x[i, j] + s * y[i, j]


case("ndrange_args_x_twice", (add_scaled, g := nd(ti.f32, (12, 9), ints(-20, 20)), g, 10, 7, 0.5), out=[g], why="halves of small integers in f32: exact")


# The CG solver of a 1D Laplacian (2 on the diagonal, -1 beside it), five iterations in one graph.
@ti.kernel
def laplacian(p: ti.types.ndarray(ti.f32, ndim=1), ap: ti.types.ndarray(ti.f32, ndim=1)):
    n = p.shape[0]
    for i in p:
        left = p[i - 1] if i > 0 else 0.0
        right = p[i + 1] if i < n - 1 else 0.0
        ap[i] = 2.0 * p[i] - left - right


@ti.kernel
def step_x_r(x: ti.types.ndarray(ti.f32, ndim=1), r: ti.types.ndarray(ti.f32, ndim=1), p: ti.types.ndarray(ti.f32, ndim=1), ap: ti.types.ndarray(ti.f32, ndim=1), rr: ti.types.ndarray(ti.f32, ndim=0), pap: ti.types.ndarray(ti.f32, ndim=0)):
    alpha = rr[None] / pap[None]
    for i in x:
        x[i] += alpha * p[i]
        r[i] -= alpha * ap[i]


@ti.kernel
def step_p(p: ti.types.ndarray(ti.f32, ndim=1), r: ti.types.ndarray(ti.f32, ndim=1), rr: ti.types.ndarray(ti.f32, ndim=0), rr_new: ti.types.ndarray(ti.f32, ndim=0)):
    beta = rr_new[None] / rr[None]
    for i in p:
        p[i] = r[i] + beta * p[i]
    rr[None] = rr_new[None]


@ti.kernel
def copy(dst: ti.types.ndarray(ti.f32, ndim=1), src: ti.types.ndarray(ti.f32, ndim=1)):
    for i in dst:
        dst[i] = src[i]


@graph("cg")
def cg_graph():
    vec = lambda name: ti.graph.Arg(ti.graph.ArgKind.NDARRAY, name, ti.f32, ndim=1)
    scalar = lambda name: ti.graph.Arg(ti.graph.ArgKind.NDARRAY, name, ti.f32, ndim=0)
    x, r, p, ap = vec("x"), vec("r"), vec("p"), vec("ap")
    rr, pap, rr_new = scalar("rr"), scalar("pap"), scalar("rr_new")
    g = ti.graph.GraphBuilder()
    g.dispatch(copy, p, r)
    g.dispatch(dot, r, r, rr)
    for _ in range(5):
        g.dispatch(laplacian, p, ap)
        g.dispatch(dot, p, ap, pap)
        g.dispatch(step_x_r, x, r, p, ap, rr, pap)
        g.dispatch(dot, r, r, rr_new)
        g.dispatch(step_p, p, r, rr, rr_new)
    return g.compile()


case(
    "cg_graph",
    (cg_graph, {"x": (x := nd(ti.f32, (256,))), "r": (r := nd(ti.f32, (256,), uniform(-1, 1))), "p": nd(ti.f32, (256,)), "ap": nd(ti.f32, (256,)), "rr": nd(ti.f32, ()), "pap": nd(ti.f32, ()), "rr_new": nd(ti.f32, ())}),
    out=[x, r],
    rtol=1e-3,
    atol=1e-4,
    why=REDUCTION + "; five CG steps carry the difference into x and r",
)
