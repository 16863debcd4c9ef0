"""Textures: a kernel paints rings into an r32f rw_texture (a struct-for over the texture, its only
argument), a second blurs it by sampling it at a level of detail through the runtime's sampler
into another rw_texture, and a third reads texels back into an ndarray. Images are 128 x 96.

Exports texture.tcm with kernels `paint(image)`, `blur(src, dst, radius)` and
`read(image, out)`, and a graph `frame(image, blurred, out, radius)` that runs the three."""

from _ti import archive, start, ti

FMT = ti.Format.r32f
W, H = 128, 96


@ti.kernel
def paint(image: ti.types.rw_texture(num_dimensions=2, fmt=FMT, lod=0)):
    for i, j in image:
        d = ti.Vector([i - W / 2, j - H / 2]).norm()
        image.store(ti.Vector([i, j]), ti.Vector([0.5 + 0.5 * ti.sin(d * 0.3), 0.0, 0.0, 0.0]))


@ti.kernel
def blur(src: ti.types.texture(num_dimensions=2), dst: ti.types.rw_texture(num_dimensions=2, fmt=FMT, lod=0), radius: ti.i32):
    for i, j in dst:
        size = ti.Vector([W, H])
        s = 0.0
        for k in range(-radius, radius + 1):
            uv = (ti.Vector([i + k, j]) + 0.5) / size
            s += src.sample_lod(uv, 0.0).x + src.fetch(ti.Vector([i, ti.math.clamp(j + k, 0, size.y - 1)]), 0).x
        dst.store(ti.Vector([i, j]), ti.Vector([s / (4 * radius + 2), 0.0, 0.0, 0.0]))


@ti.kernel
def read(image: ti.types.rw_texture(num_dimensions=2, fmt=FMT, lod=0), out: ti.types.ndarray(ti.f32, ndim=2)):
    for i, j in out:
        out[i, j] = image.load(ti.Vector([i, j])).x


def main():
    start()
    m = ti.aot.Module(arch=ti.vulkan)
    for k in (paint, blur, read):
        m.add_kernel(k)
    A = ti.graph.Arg
    K = ti.graph.ArgKind
    image = A(K.RWTEXTURE, "image", fmt=FMT, ndim=2)
    sampled = A(K.TEXTURE, "sampled", ndim=2)
    blurred = A(K.RWTEXTURE, "blurred", fmt=FMT, ndim=2)
    out = A(K.NDARRAY, "out", ti.f32, ndim=2)
    radius = A(K.SCALAR, "radius", ti.i32)
    g = ti.graph.GraphBuilder()
    g.dispatch(paint, image)
    g.dispatch(blur, sampled, blurred, radius)
    g.dispatch(read, blurred, out)
    m.add_graph("frame", g.compile())
    archive(m, "texture")


if __name__ == "__main__":
    main()
