# Launches Taichi's runtime accepts though the shapes are split differently (issue 21, item 5):
# a scalar-element ndarray given element shape [1], and a 0-D vec3 parameter given shape [3]
# with no element shape (how Taichi's C++ wrapper passes it).
import numpy as np
import taichi as ti

from common import export, oracle, save

N = 10


def kernels():
    @ti.kernel
    def scale(a: ti.types.ndarray(dtype=ti.f32, ndim=1), k: ti.f32):
        for i in a:
            a[i] = a[i] * k + i

    @ti.kernel
    def measure(p: ti.types.ndarray(dtype=ti.math.vec3, ndim=0), out: ti.types.ndarray(dtype=ti.f32, ndim=1)):
        out[0] = p[None].norm()
        out[1] = p[None].sum()
        p[None] = p[None] * 2.0 + 1.0

    return scale, measure


def define():
    scale, measure = kernels()

    def add(m):
        m.add_kernel(scale)
        m.add_kernel(measure)
        g = ti.graph.GraphBuilder()
        g.dispatch(scale, ti.graph.Arg(ti.graph.ArgKind.NDARRAY, "a", ti.f32, ndim=1), ti.graph.Arg(ti.graph.ArgKind.SCALAR, "k", ti.f32))
        g.dispatch(measure, ti.graph.Arg(ti.graph.ArgKind.NDARRAY, "p", ti.math.vec3, ndim=0),
                   ti.graph.Arg(ti.graph.ArgKind.NDARRAY, "out", ti.f32, ndim=1))
        m.add_graph("both", g.compile())

    return add


def expected():
    oracle()
    scale, measure = kernels()
    a0 = np.linspace(-2, 3, N).astype(np.float32)
    a = ti.ndarray(ti.f32, N)
    a.from_numpy(a0)
    scale(a, 1.5)
    p0 = np.float32([1.0, -2.0, 2.5])
    p = ti.Vector.ndarray(3, ti.f32, ())
    p.from_numpy(p0)
    out = ti.ndarray(ti.f32, 2)
    measure(p, out)
    save("leniency", {"k": 1.5, "a0": a0, "a": a.to_numpy(), "p0": p0, "p": p.to_numpy(), "out": out.to_numpy()})


export("leniency", define)
expected()
