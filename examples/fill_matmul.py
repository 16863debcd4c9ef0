"""Dense linear algebra on 2-D ndarrays: `fill(a, val)`, `matmul(a, b, c)` and a graph
`fill_matmul(a, b, c, va, vb, scale)` over several kernels with scalar and ndarray arguments:
fill a and b, multiply them into c, scale c.

Exports fill_matmul.tcm."""

from _ti import archive, start, ti

mat = ti.types.ndarray(ti.f32, ndim=2)


@ti.kernel
def fill(a: mat, val: ti.f32):
    for i, j in a:
        a[i, j] = val


@ti.kernel
def matmul(a: mat, b: mat, c: mat):
    for i, j in c:
        s = 0.0
        for k in range(a.shape[1]):
            s += a[i, k] * b[k, j]
        c[i, j] = s


@ti.kernel
def scale(a: mat, k: ti.f32, offset: ti.i32):
    for i, j in a:
        a[i, j] = a[i, j] * k + offset


def main():
    start()
    m = ti.aot.Module(arch=ti.vulkan)
    m.add_kernel(fill)
    m.add_kernel(matmul)
    A = ti.graph.Arg
    K = ti.graph.ArgKind
    a, b, c = (A(K.NDARRAY, name, ti.f32, ndim=2) for name in "abc")
    va, vb, k = (A(K.SCALAR, name, ti.f32) for name in ("va", "vb", "k"))
    offset = A(K.SCALAR, "offset", ti.i32)
    g = ti.graph.GraphBuilder()
    g.dispatch(fill, a, va)
    g.dispatch(fill, b, vb)
    g.dispatch(matmul, a, b, c)
    g.dispatch(scale, c, k, offset)
    m.add_graph("fill_matmul", g.compile())
    archive(m, "fill_matmul")


if __name__ == "__main__":
    main()
