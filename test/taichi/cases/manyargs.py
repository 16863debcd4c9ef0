"""Kernels of many arguments: sixteen scalars of mixed f32, i32 and u32 between four ndarrays of
odd element shapes (vec2, mat2x3, ivec4 of i32, u32 scalars), and a graph passing all of them."""

from corpus import case, graph, ints, mat, nd, ti, uniform, vec

Arg = ti.graph.Arg
K = ti.graph.ArgKind
N = 48


@ti.kernel
def mixed(
    a: ti.types.ndarray(ti.math.vec2, ndim=1),
    s0: ti.f32,
    s1: ti.i32,
    s2: ti.u32,
    b: ti.types.ndarray(ti.types.matrix(2, 3, ti.f32), ndim=1),
    s3: ti.f32,
    s4: ti.f32,
    s5: ti.i32,
    s6: ti.u32,
    s7: ti.i32,
    c: ti.types.ndarray(ti.types.vector(4, ti.i32), ndim=1),
    s8: ti.f32,
    s9: ti.u32,
    s10: ti.i32,
    s11: ti.f32,
    d: ti.types.ndarray(ti.u32, ndim=1),
    s12: ti.i32,
    s13: ti.u32,
    s14: ti.f32,
    s15: ti.i32,
):
    for i in a:
        a[i] = a[i] * s0 + ti.Vector([s1, s3]) + b[i] @ ti.Vector([s4, s8, s11])
        b[i] = b[i] * s14 + ti.Matrix([[s5, s7, s10], [s12, s15, i]])
        c[i] = c[i] * ti.Vector([s1, s5, s7, s10]) + ti.Vector([s12, s15, i, 1])
        d[i] = d[i] * s2 + s6 ^ s9 + s13 * ti.u32(i)


case(
    "twenty_arguments_mixed",
    (mixed, a := vec(2, ti.f32, (N,), uniform(-1, 1)), 1.5, -3, 4000000000, b := mat(2, 3, ti.f32, (N,), ints(-4, 4)), 0.25, -0.5, 7, 0xDEADBEEF, -11,
     c := vec(4, ti.i32, (N,), ints(-100, 100)), 2.0, 12345, 13, -1.0, d := nd(ti.u32, (N,), ints(0, 2**32)), -2, 3000000000, 0.5, 9),
    out=[a, b, c, d],
    rtol=1e-6,
    atol=1e-6,
    why="products of small integers and binary fractions: exact but for fused multiply-adds",
)


@graph("all_arguments")
def build_all():
    names = ["a", "s0", "s1", "s2", "b", "s3", "s4", "s5", "s6", "s7", "c", "s8", "s9", "s10", "s11", "d", "s12", "s13", "s14", "s15"]
    kinds = {"a": ti.math.vec2, "b": ti.types.matrix(2, 3, ti.f32), "c": ti.types.vector(4, ti.i32), "d": ti.u32}
    scalars = {"s0": ti.f32, "s1": ti.i32, "s2": ti.u32, "s3": ti.f32, "s4": ti.f32, "s5": ti.i32, "s6": ti.u32, "s7": ti.i32, "s8": ti.f32, "s9": ti.u32, "s10": ti.i32, "s11": ti.f32, "s12": ti.i32, "s13": ti.u32, "s14": ti.f32, "s15": ti.i32}
    args = [Arg(K.NDARRAY, n, kinds[n], ndim=1) if n in kinds else Arg(K.SCALAR, n, scalars[n]) for n in names]
    g = ti.graph.GraphBuilder()
    g.dispatch(mixed, *args)
    g.dispatch(mixed, *args)
    return g.compile()


case(
    "graph_of_twenty_arguments_twice",
    (build_all, {"a": (a := vec(2, ti.f32, (N,), uniform(-1, 1))), "s0": 0.5, "s1": 2, "s2": 3, "b": (b := mat(2, 3, ti.f32, (N,), ints(-4, 4))), "s3": 0.125, "s4": 1.0, "s5": -1, "s6": 77, "s7": 5,
                 "c": (c := vec(4, ti.i32, (N,), ints(-100, 100))), "s8": -0.75, "s9": 0xFFFF0000, "s10": -6, "s11": 0.5, "d": (d := nd(ti.u32, (N,), ints(0, 2**32))), "s12": 4, "s13": 2654435761, "s14": -0.5, "s15": 1}),
    out=[a, b, c, d],
    rtol=1e-6,
    atol=1e-6,
    why="products of small integers and binary fractions: exact but for fused multiply-adds",
)
