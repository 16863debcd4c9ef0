"""One ndarray passed to several parameters of a kernel or of a graph dispatch: read-only twice,
read and written, written twice (Taichi's runtime accepts all of them)."""

from corpus import case, graph, nd, ti, uniform

Arg = ti.graph.Arg
K = ti.graph.ArgKind


@ti.kernel
def dot(a: ti.types.ndarray(ti.f32, ndim=1), b: ti.types.ndarray(ti.f32, ndim=1), out: ti.types.ndarray(ti.f32, ndim=0)):
    for i in a:
        out[None] += a[i] * b[i]


case(
    "read_only_twice_dot_x_x",
    (dot, x := nd(ti.f32, (1024,), uniform(-1, 1)), x, s := nd(ti.f32, ())),
    out=[s],
    rtol=1e-5,
    why="a sum of 1024 products accumulated by atomics in any order",
)


@ti.kernel
def axpy(x: ti.types.ndarray(ti.f32, ndim=1), y: ti.types.ndarray(ti.f32, ndim=1), a: ti.f32, out: ti.types.ndarray(ti.f32, ndim=1)):
    for i in x:
        out[i] = x[i] + a * y[i]


case(
    "read_and_written_add_x_x",
    (axpy, x := nd(ti.f32, (512,), uniform(-1, 1)), x, 0.5, x),
    out=[x],
    rtol=1e-6,
    why="x + a*x may be one fused multiply-add on the GPU",
)


@ti.kernel
def write_both(a: ti.types.ndarray(ti.i32, ndim=1), b: ti.types.ndarray(ti.i32, ndim=1)):
    for i in a:
        if i % 2 == 0:
            a[i] = i
        else:
            b[i] = -i


case("written_twice_disjoint", (write_both, x := nd(ti.i32, (300,)), x), out=[x])


@ti.kernel
def saxpy_into(y: ti.types.ndarray(ti.f32, ndim=1), x: ti.types.ndarray(ti.f32, ndim=1), a: ti.f32):
    for i in y:
        y[i] = y[i] + a * x[i]


@ti.kernel
def norm2(r: ti.types.ndarray(ti.f32, ndim=1), q: ti.types.ndarray(ti.f32, ndim=1), out: ti.types.ndarray(ti.f32, ndim=0)):
    for i in r:
        out[None] += r[i] * q[i]


@graph("self_update")
def build_self_update():
    x = Arg(K.NDARRAY, "x", ti.f32, ndim=1)
    s = Arg(K.NDARRAY, "s", ti.f32, ndim=0)
    a = Arg(K.SCALAR, "a", ti.f32)
    g = ti.graph.GraphBuilder()
    g.dispatch(saxpy_into, x, x, a)
    g.dispatch(norm2, x, x, s)
    return g.compile()


case(
    "graph_one_arg_in_two_parameters",
    (build_self_update, {"x": (x := nd(ti.f32, (256,), uniform(-1, 1))), "s": (s := nd(ti.f32, ())), "a": 0.25}),
    out=[x, s],
    rtol=1e-5,
    why="x + a*x may fuse; the dot product is summed by atomics in any order",
)
