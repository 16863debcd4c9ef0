"""Graphs of hundreds of dispatches (as mpm3D's update graph: 50 substeps of 4 kernels), each
dispatch reading what the previous one wrote."""

from corpus import case, graph, ints, nd, ti

Arg = ti.graph.Arg
K = ti.graph.ArgKind
ROUNDS = 75


@ti.kernel
def mix(x: ti.types.ndarray(ti.i32, ndim=1), y: ti.types.ndarray(ti.i32, ndim=1), k: ti.i32):
    for i in x:
        y[i] = x[i] * 3 + x[(i + 1) % x.shape[0]] ^ k


@ti.kernel
def fold(y: ti.types.ndarray(ti.i32, ndim=1), x: ti.types.ndarray(ti.i32, ndim=1), total: ti.types.ndarray(ti.i32, ndim=0)):
    for i in y:
        x[i] = (y[i] >> 3) + (y[i] & 7)
        total[None] += x[i] & 0xFF


@ti.kernel
def relax(u: ti.types.ndarray(ti.f32, ndim=1), w: ti.types.ndarray(ti.f32, ndim=1), h: ti.f32):
    for i in u:
        w[i] = u[i] * 0.5 + (u[(i + 63) % 64] + u[(i + 1) % 64]) * h


@graph("three_hundred_dispatches")
def build_long():
    x = Arg(K.NDARRAY, "x", ti.i32, ndim=1)
    y = Arg(K.NDARRAY, "y", ti.i32, ndim=1)
    total = Arg(K.NDARRAY, "total", ti.i32, ndim=0)
    u = Arg(K.NDARRAY, "u", ti.f32, ndim=1)
    w = Arg(K.NDARRAY, "w", ti.f32, ndim=1)
    k = Arg(K.SCALAR, "k", ti.i32)
    h = Arg(K.SCALAR, "h", ti.f32)
    g = ti.graph.GraphBuilder()
    for _ in range(ROUNDS):
        g.dispatch(mix, x, y, k)
        g.dispatch(fold, y, x, total)
        g.dispatch(relax, u, w, h)
        g.dispatch(relax, w, u, h)
    return g.compile()


case(
    "graph_of_300_dispatches",
    (build_long, {"x": (x := nd(ti.i32, (500,), ints(-1000, 1000))), "y": (y := nd(ti.i32, (500,))), "total": (t := nd(ti.i32, ())), "u": (u := nd(ti.f32, (64,), ints(-64, 64))), "w": nd(ti.f32, (64,)), "k": 0x5A5A, "h": 0.25}),
    out=[x, y, t, u],
    why="integers; the f32 relaxation scales by powers of two (exact, fused or not) and rounds one sum per element the same way",
)
