# Texture-only kernels in a graph (issue 21, items 0 and 4): kernels whose only arguments are
# textures bind no args buffer, and Taichi 1.7.4 writes an uninitialised field_dim for texture
# arguments in graphs.json. As Taichi's own C API test: paint a checkerboard into an r32f
# rw_texture, write 1 - it into a second one, and sum that into an ndarray. Textures abort under
# ti.cpu, so the expected values come from ti.vulkan (lavapipe).
import numpy as np
import taichi as ti

from common import export, oracle, save

W, H = 16, 8


def kernels():
    @ti.kernel
    def paint(t: ti.types.rw_texture(num_dimensions=2, fmt=ti.Format.r32f, lod=0)):
        for i, j in ti.ndrange(W, H):
            t.store(ti.Vector([i, j]), ti.Vector([ti.cast((i // 2 + j) % 2, ti.f32) * 0.75 + i * 0.01 + j * 0.03, 0.0, 0.0, 0.0]))

    @ti.kernel
    def invert(src: ti.types.texture(num_dimensions=2), dst: ti.types.rw_texture(num_dimensions=2, fmt=ti.Format.r32f, lod=0)):
        for i, j in ti.ndrange(W, H):
            dst.store(ti.Vector([i, j]), ti.Vector([1.0 - src.fetch(ti.Vector([i, j]), 0).x, 0.0, 0.0, 0.0]))

    @ti.kernel
    def rows(src: ti.types.texture(num_dimensions=2), out: ti.types.ndarray(dtype=ti.f32, ndim=1)):
        for j in range(H):
            s = 0.0
            for i in range(W):
                s += src.fetch(ti.Vector([i, j]), 0).x
            out[j] = s

    return paint, invert, rows


def define():
    paint, invert, rows = kernels()

    def add(m):
        for k in (paint, invert, rows):
            m.add_kernel(k)
        a = ti.graph.Arg(ti.graph.ArgKind.RWTEXTURE, "a", fmt=ti.Format.r32f, ndim=2)
        ta = ti.graph.Arg(ti.graph.ArgKind.TEXTURE, "ta", ndim=2)
        b = ti.graph.Arg(ti.graph.ArgKind.RWTEXTURE, "b", fmt=ti.Format.r32f, ndim=2)
        tb = ti.graph.Arg(ti.graph.ArgKind.TEXTURE, "tb", ndim=2)
        out = ti.graph.Arg(ti.graph.ArgKind.NDARRAY, "out", ti.f32, ndim=1)
        g = ti.graph.GraphBuilder()
        g.dispatch(paint, a)
        g.dispatch(invert, ta, b)
        g.dispatch(rows, tb, out)
        m.add_graph("pipeline", g.compile())

    return add


def expected():
    oracle(ti.vulkan)
    paint, invert, rows = kernels()
    a = ti.Texture(ti.Format.r32f, (W, H))
    b = ti.Texture(ti.Format.r32f, (W, H))
    out = np.zeros(H, np.float32)
    paint(a)
    invert(a, b)
    rows(b, out)
    painted = np.zeros(H, np.float32)
    rows(a, painted)
    save("textures", {"width": W, "height": H, "rows": out, "painted_rows": painted})


export("textures", define)
expected()
