"""A Julia set, animated over t: one kernel writes a 2-D f32 canvas of iteration counts.

Exports fractal.kernel.tcm (the kernel `fractal(t, canvas)`) and fractal.cgraph.tcm (the graph
`fractal` with arguments t and canvas). The canvas's size is the caller's: the kernel reads it."""

from _ti import archive, start, ti


@ti.func
def complex_sqr(z):
    return ti.Vector([z[0] ** 2 - z[1] ** 2, z[1] * z[0] * 2])


@ti.kernel
def fractal(t: ti.f32, canvas: ti.types.ndarray(ti.f32, ndim=2)):
    n = canvas.shape[1]
    for i, j in canvas:
        c = ti.Vector([-0.8, ti.cos(t) * 0.2])
        z = ti.Vector([i / n - 1, j / n - 0.5]) * 2
        iterations = 0
        while z.norm() < 20 and iterations < 50:
            z = complex_sqr(z) + c
            iterations += 1
        canvas[i, j] = 1 - iterations * 0.02


def main():
    start()
    m = ti.aot.Module(arch=ti.vulkan)
    m.add_kernel(fractal)
    archive(m, "fractal.kernel")

    ti.reset()
    start()
    t = ti.graph.Arg(ti.graph.ArgKind.SCALAR, "t", ti.f32)
    canvas = ti.graph.Arg(ti.graph.ArgKind.NDARRAY, "canvas", ti.f32, ndim=2)
    g = ti.graph.GraphBuilder()
    g.dispatch(fractal, t, canvas)
    m = ti.aot.Module(arch=ti.vulkan)
    m.add_graph("fractal", g.compile())
    archive(m, "fractal.cgraph")


if __name__ == "__main__":
    main()
