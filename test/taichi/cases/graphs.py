"""Compute graphs (ti.graph): scalar and ndarray graph arguments over several kernels, one kernel
dispatched several times with different arguments, vector ndarrays, 0-dim ndarrays."""

from corpus import case, graph, ints, nd, ti, uniform, vec

Arg = ti.graph.Arg
K = ti.graph.ArgKind


@ti.kernel
def scale(x: ti.types.ndarray(ti.f32, ndim=1), a: ti.f32):
    for i in x:
        x[i] = x[i] * a


@ti.kernel
def shift(x: ti.types.ndarray(ti.f32, ndim=1), y: ti.types.ndarray(ti.f32, ndim=1), n: ti.i32):
    for i in x:
        y[i] = x[(i + n) % x.shape[0]] + y[i]


@ti.kernel
def reduce_sum(y: ti.types.ndarray(ti.f32, ndim=1), s: ti.types.ndarray(ti.f32, ndim=0)):
    for i in y:
        s[None] += y[i]


@graph("scale_shift_sum")
def build_scale_shift_sum():
    x = Arg(K.NDARRAY, "x", ti.f32, ndim=1)
    y = Arg(K.NDARRAY, "y", ti.f32, ndim=1)
    s = Arg(K.NDARRAY, "s", ti.f32, ndim=0)
    a = Arg(K.SCALAR, "a", ti.f32)
    n = Arg(K.SCALAR, "n", ti.i32)
    g = ti.graph.GraphBuilder()
    g.dispatch(scale, x, a)
    g.dispatch(shift, x, y, n)
    g.dispatch(reduce_sum, y, s)
    return g.compile()


case(
    "scalar_and_ndarray_args",
    (build_scale_shift_sum, {"x": (x := nd(ti.f32, (256,), ints(-20, 20))), "y": (y := nd(ti.f32, (256,), ints(-20, 20))), "s": (s := nd(ti.f32, ())), "a": 0.5, "n": 3}),
    out=[x, y, s],
    why="halves and small integers summed in f32: exact in any order",
)


@ti.kernel
def jacobi_step(u: ti.types.ndarray(ti.f32, ndim=2), v: ti.types.ndarray(ti.f32, ndim=2), f: ti.types.ndarray(ti.f32, ndim=2), h2: ti.f32):
    for i, j in u:
        if 0 < i < u.shape[0] - 1 and 0 < j < u.shape[1] - 1:
            v[i, j] = 0.25 * (u[i - 1, j] + u[i + 1, j] + u[i, j - 1] + u[i, j + 1] + h2 * f[i, j])


@graph("jacobi4")
def build_jacobi():
    u = Arg(K.NDARRAY, "u", ti.f32, ndim=2)
    v = Arg(K.NDARRAY, "v", ti.f32, ndim=2)
    f = Arg(K.NDARRAY, "f", ti.f32, ndim=2)
    h2 = Arg(K.SCALAR, "h2", ti.f32)
    g = ti.graph.GraphBuilder()
    for _ in range(2):
        g.dispatch(jacobi_step, u, v, f, h2)
        g.dispatch(jacobi_step, v, u, f, h2)
    return g.compile()


case(
    "jacobi_four_dispatches_ping_pong",
    (build_jacobi, {"u": (u := nd(ti.f32, (24, 24))), "v": (v := nd(ti.f32, (24, 24))), "f": nd(ti.f32, (24, 24), uniform(-1, 1)), "h2": 0.01}),
    out=[u, v],
    rtol=1e-5,
    atol=1e-7,
    why="five-term sums the GPU may contract into multiply-adds",
)


@ti.kernel
def advect(p: ti.types.ndarray(ti.math.vec2, ndim=1), vel: ti.types.ndarray(ti.math.vec2, ndim=1), dt: ti.f32):
    for i in p:
        p[i] += vel[i] * dt


@ti.kernel
def bounce(p: ti.types.ndarray(ti.math.vec2, ndim=1), vel: ti.types.ndarray(ti.math.vec2, ndim=1), lo: ti.f32, hi: ti.f32):
    for i in p:
        for d in ti.static(range(2)):
            if p[i][d] < lo or p[i][d] > hi:
                vel[i][d] = -vel[i][d]
                p[i][d] = ti.math.clamp(p[i][d], lo, hi)


@graph("particles")
def build_particles():
    p = Arg(K.NDARRAY, "p", ti.math.vec2, ndim=1)
    vel = Arg(K.NDARRAY, "vel", ti.math.vec2, ndim=1)
    dt = Arg(K.SCALAR, "dt", ti.f32)
    lo = Arg(K.SCALAR, "lo", ti.f32)
    hi = Arg(K.SCALAR, "hi", ti.f32)
    g = ti.graph.GraphBuilder()
    for _ in range(3):
        g.dispatch(advect, p, vel, dt)
        g.dispatch(bounce, p, vel, lo, hi)
    return g.compile()


case(
    "vector_ndarrays_five_scalars_six_dispatches",
    (build_particles, {"p": (p := vec(2, ti.f32, (500,), uniform(0, 1))), "vel": (vel := vec(2, ti.f32, (500,), uniform(-2, 2))), "dt": 0.125, "lo": 0.0, "hi": 1.0}),
    out=[p, vel],
    rtol=1e-6,
    atol=1e-7,
    why="p + v * dt may be one fused multiply-add on the GPU",
)


@ti.kernel
def fill_i32(x: ti.types.ndarray(ti.i32, ndim=1), value: ti.i32):
    for i in x:
        x[i] = value + i


@ti.kernel
def combine(x: ti.types.ndarray(ti.i32, ndim=1), y: ti.types.ndarray(ti.i32, ndim=1), z: ti.types.ndarray(ti.u32, ndim=1), k: ti.u32):
    for i in x:
        z[i] = ti.u32(x[i] * y[i]) ^ k


@graph("int_pipeline")
def build_ints():
    x = Arg(K.NDARRAY, "x", ti.i32, ndim=1)
    y = Arg(K.NDARRAY, "y", ti.i32, ndim=1)
    z = Arg(K.NDARRAY, "z", ti.u32, ndim=1)
    a = Arg(K.SCALAR, "a", ti.i32)
    b = Arg(K.SCALAR, "b", ti.i32)
    k = Arg(K.SCALAR, "k", ti.u32)
    g = ti.graph.GraphBuilder()
    g.dispatch(fill_i32, x, a)
    g.dispatch(fill_i32, y, b)
    g.dispatch(combine, x, y, z, k)
    return g.compile()


case("same_kernel_twice_i32_u32_scalars", (build_ints, {"x": (x := nd(ti.i32, (300,))), "y": (y := nd(ti.i32, (300,))), "z": (z := nd(ti.u32, (300,))), "a": -7, "b": 1000, "k": 0xA5A5A5A5}), out=[x, y, z])
