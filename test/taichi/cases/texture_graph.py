"""Textures in a graph: rw_texture and texture graph arguments (one image passed as both), kernels
whose only argument is a texture, as Taichi's own C API test. Taichi's CPU backend cannot run
textures: the expected values are its Vulkan backend's on the exporting machine."""

from corpus import case, graph, nd, texture, ti

W, H = 16, 8
Arg = ti.graph.Arg
K = ti.graph.ArgKind


@ti.kernel
def paint(t: ti.types.rw_texture(num_dimensions=2, fmt=ti.Format.r32f, lod=0)):
    for i, j in ti.ndrange(W, H):
        t.store(ti.Vector([i, j]), ti.Vector([ti.cast((i // 2 + j) % 2, ti.f32) * 0.75 + i * 0.01 + j * 0.03, 0.0, 0.0, 0.0]))


@ti.kernel
def invert(src: ti.types.texture(num_dimensions=2), dst: ti.types.rw_texture(num_dimensions=2, fmt=ti.Format.r32f, lod=0)):
    for i, j in ti.ndrange(W, H):
        dst.store(ti.Vector([i, j]), ti.Vector([1.0 - src.fetch(ti.Vector([i, j]), 0).x, 0.0, 0.0, 0.0]))


@ti.kernel
def rows(src: ti.types.texture(num_dimensions=2), out: ti.types.ndarray(ti.f32, ndim=1)):
    for j in range(H):
        s = 0.0
        for i in range(W):
            s += src.fetch(ti.Vector([i, j]), 0).x
        out[j] = s


@graph("texture_pipeline")
def build_pipeline():
    a = Arg(K.RWTEXTURE, "a", fmt=ti.Format.r32f, ndim=2)
    ta = Arg(K.TEXTURE, "ta", ndim=2)
    b = Arg(K.RWTEXTURE, "b", fmt=ti.Format.r32f, ndim=2)
    tb = Arg(K.TEXTURE, "tb", ndim=2)
    out = Arg(K.NDARRAY, "out", ti.f32, ndim=1)
    g = ti.graph.GraphBuilder()
    g.dispatch(paint, a)
    g.dispatch(invert, ta, b)
    g.dispatch(rows, tb, out)
    return g.compile()


ta, tb = texture(ti.Format.r32f, (W, H)), texture(ti.Format.r32f, (W, H))
case(
    "graph_of_texture_args",
    (build_pipeline, {"a": ta, "ta": ta, "b": tb, "tb": tb, "out": (out := nd(ti.f32, (H,)))}),
    (rows, ta, painted := nd(ti.f32, (H,))),
    out=[out, painted],
    oracle="vulkan",
    rtol=1e-6,
    why="sums of 16 texels in one order: f32 roundings the same, but a sum may be contracted",
)
