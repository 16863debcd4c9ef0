# Vector and matrix kernel arguments (issue 21, item 1): Taichi 1.7.4 writes them as ptype 0 with
# dtype 13 and a struct in args_type_. A kernel and a graph (ArgKind.MATRIX) take a vec3 f32, a
# 2x2 i32 matrix and a vec2 i32 beside an ndarray and a scalar.
import numpy as np
import taichi as ti

from common import export, oracle, save

N = 24
V = [0.5, -1.25, 3.0]
M = [[2, -3], [5, 7]]
W = [-4, 9]
S = 1.5


def kernels():
    @ti.kernel
    def combine(a: ti.types.ndarray(dtype=ti.f32, ndim=1), s: ti.f32, v: ti.types.vector(3, ti.f32),
                m: ti.types.matrix(2, 2, ti.i32), w: ti.types.vector(2, ti.i32)):
        for i in a:
            a[i] = s * i + v[i % 3] + m[i % 2, (i // 2) % 2] * 0.25 + w[i % 2] * (m @ w)[(i + 1) % 2]

    @ti.kernel
    def shift(a: ti.types.ndarray(dtype=ti.math.vec3, ndim=1), v: ti.types.vector(3, ti.f32)):
        for i in a:
            a[i] = a[i] * v + v.norm()

    return combine, shift


def define():
    combine, shift = kernels()

    def add(m):
        m.add_kernel(combine)
        m.add_kernel(shift)
        a = ti.graph.Arg(ti.graph.ArgKind.NDARRAY, "a", ti.f32, ndim=1)
        b = ti.graph.Arg(ti.graph.ArgKind.NDARRAY, "b", ti.math.vec3, ndim=1)
        s = ti.graph.Arg(ti.graph.ArgKind.SCALAR, "s", ti.f32)
        v = ti.graph.Arg(ti.graph.ArgKind.MATRIX, "v", ti.types.vector(3, ti.f32))
        mm = ti.graph.Arg(ti.graph.ArgKind.MATRIX, "m", ti.types.matrix(2, 2, ti.i32))
        w = ti.graph.Arg(ti.graph.ArgKind.MATRIX, "w", ti.types.vector(2, ti.i32))
        g = ti.graph.GraphBuilder()
        g.dispatch(combine, a, s, v, mm, w)
        g.dispatch(shift, b, v)
        g.dispatch(shift, b, v)
        m.add_graph("vectors", g.compile())

    return add


def expected():
    oracle()
    combine, shift = kernels()
    v, m, w = ti.Vector(V, ti.f32), ti.Matrix(M, ti.i32), ti.Vector(W, ti.i32)
    a = np.zeros(N, np.float32)
    combine(a, S, v, m, w)
    b0 = np.random.default_rng(5).uniform(-1, 1, (N, 3)).astype(np.float32)
    b1 = b0.copy()
    shift(b1, v)
    b2 = b1.copy()
    shift(b2, v)
    save("vector_args", {"s": S, "v": V, "m": M, "w": W, "a": a, "b0": b0, "b1": b1, "b2": b2})


export("vector_args", define)
expected()
