"""Textures: rw_texture store and load in every format Taichi 1.7 can export (it refuses the
three-channel ones: "Unsupported image format"), sampled textures (fetch and sample_lod) in 1-D
to 3-D, a struct-for over a texture and a kernel whose only argument is a texture. Taichi's CPU
backend cannot run textures: the expected values are its Vulkan backend's on the exporting machine.

Taichi passes texel values as vec4 of f32 whatever the format: an integer format stores and loads
the float's bits, so those cases check bit patterns."""

import importlib

import numpy as np

from corpus import case, nd, texture, ti, vec

# The exporter's own formats (taichi's or taichi_forge's enum: a kernel refuses the other's).
FORMAT2TY_CH = importlib.import_module(f"{ti.__name__}.types.texture_type").FORMAT2TY_CH

W, H = 8, 6
EXACT = "stores and loads of values the format holds exactly; integer formats keep bit patterns"
FORMATS = [f for f in FORMAT2TY_CH if not str(f).split(".")[-1].startswith("rgb") or str(f).split(".")[-1].startswith("rgba")]


# Vulkan's storage image formats that need no StorageImageExtendedFormats. taichi-forge refuses
# to export a rw_texture of any other format unless the module declares the capability ("Storage
# image format N requires extended-format shader support"); Taichi 1.7 writes them without it.
VULKAN_BASIC_STORAGE = {"rgba32f", "rgba16f", "r32f", "rgba8", "rgba32i", "rgba16i", "rgba8i", "r32i", "rgba32u", "rgba16u", "rgba8u", "r32u"}


def CAPS(module):
    if ti.__name__ == "taichi_forge" and module is not None and module not in VULKAN_BASIC_STORAGE:
        return ["spirv_has_storage_image_extended_formats"]
    return []


def texel_values(fmt):
    """Values each format represents exactly: multiples of 1/255 (8-bit unorm), of 1/65535 (16-bit), small dyadics."""
    name = str(fmt).split(".")[-1]

    def draw(rng, shape, dt):
        if name.endswith("8") or name.endswith("8u") or name.endswith("8i"):
            return (rng.integers(0, 256, shape) / 255).astype(dt)
        if name.endswith("16") or name.endswith("16u") or name.endswith("16i"):
            return (rng.integers(0, 65536, shape) / 65535).astype(dt)
        return (rng.integers(-512, 512, shape) / 64).astype(dt)

    return draw


def store_load(fmt):
    name = str(fmt).split(".")[-1]

    @ti.kernel
    def store(t: ti.types.rw_texture(num_dimensions=2, fmt=fmt, lod=0), src: ti.types.ndarray(ti.math.vec4, ndim=2)):
        for i, j in ti.ndrange(W, H):
            t.store(ti.Vector([i, j]), src[i, j])

    @ti.kernel
    def load(t: ti.types.rw_texture(num_dimensions=2, fmt=fmt, lod=0), dst: ti.types.ndarray(ti.math.vec4, ndim=2)):
        for i, j in ti.ndrange(W, H):
            dst[i, j] = t.load(ti.Vector([i, j]))

    store.__name__ = f"store_{name}"
    load.__name__ = f"load_{name}"
    return store, load


# What the runtime does with each format's rw_texture: WebGPU has storage textures of these
# formats only, and types their texels by the format, where Taichi 1.7 passes f32 texels always.
WEBGPU_FLOAT = {"r32f", "rg32f", "rgba32f", "rgba16f", "rgba8"}
WEBGPU_INTEGER = {"r32i", "r32u", "rg32i", "rg32u", "rgba32i", "rgba32u", "rgba16i", "rgba16u", "rgba8i", "rgba8u"}


def refusal(name):
    if name in WEBGPU_FLOAT:
        return None
    if name[-1] in "iu" and ti.__name__ == "taichi_forge":
        # forge types an integer format's texels as integers but stores a vector of them built
        # from the f32 values (OpCompositeConstruct of f32 constituents: spirv-val rejects the
        # shader); the translator meets that before the format.
        return {"code": "CORRUPTED_DATA", "error": "is built from a f32 constituent (invalid SPIR-V"}
    if name in WEBGPU_INTEGER:
        return {"code": "CORRUPTED_DATA", "error": "texels: WebGPU cannot convert between them"}
    return {"code": "CORRUPTED_DATA", "error": "has no WebGPU storage texture format"}


for fmt in FORMATS:
    store, load = store_load(fmt)
    t = texture(fmt, (W, H))
    case(
        f"rw_texture_{str(fmt).split('.')[-1]}",
        (store, t, vec(4, ti.f32, (W, H), texel_values(fmt))),
        (load, t, out := vec(4, ti.f32, (W, H))),
        out=[out],
        oracle="vulkan",
        why=EXACT,
        module=str(fmt).split(".")[-1],
        refused=refusal(str(fmt).split(".")[-1]),
    )


@ti.kernel
def fill_r32f_2d(t: ti.types.rw_texture(num_dimensions=2, fmt=ti.Format.r32f, lod=0), src: ti.types.ndarray(ti.f32, ndim=2)):
    for i, j in src:
        t.store(ti.Vector([i, j]), ti.Vector([src[i, j], 0.0, 0.0, 0.0]))


@ti.kernel
def fetch_and_sample_2d(t: ti.types.texture(num_dimensions=2), fetched: ti.types.ndarray(ti.f32, ndim=2), sampled: ti.types.ndarray(ti.f32, ndim=2)):
    for i, j in fetched:
        fetched[i, j] = t.fetch(ti.Vector([i, j]), 0).x
        uv = ti.Vector([(i + 0.5) / fetched.shape[0], (j + 0.5) / fetched.shape[1]])
        sampled[i, j] = t.sample_lod(uv, 0.0).x


t2 = texture(ti.Format.r32f, (16, 12))
case(
    "texture_2d_fetch_and_sample_lod",
    (fill_r32f_2d, t2, nd(ti.f32, (16, 12), lambda rng, shape, dt: (rng.integers(-256, 256, shape) / 16).astype(dt))),
    (fetch_and_sample_2d, t2, fetched := nd(ti.f32, (16, 12)), sampled := nd(ti.f32, (16, 12))),
    out=[fetched, sampled],
    oracle="vulkan",
    atol=1e-4,
    why="sampling at texel centres weighs the centre texel 1 up to the filter's fixed-point rounding (1/256 of a neighbour at most, in hardware; 0 on lavapipe)",
)


@ti.kernel
def fill_rgba8_1d(t: ti.types.rw_texture(num_dimensions=1, fmt=ti.Format.rgba8, lod=0)):
    for i in range(32):
        t.store(ti.Vector([i]), ti.Vector([i / 32, 1.0 - i / 32, 0.5, 1.0]))


@ti.kernel
def sample_1d(t: ti.types.texture(num_dimensions=1), out: ti.types.ndarray(ti.math.vec4, ndim=1)):
    for i in out:
        out[i] = t.sample_lod(ti.Vector([(i + 0.5) / out.shape[0]]), 0.0) + t.fetch(ti.Vector([i]), 0)


def twice_the_unorm8_texels(_inputs):
    i = np.arange(32)
    texels = np.stack([i / 32, 1 - i / 32, np.full(32, 0.5), np.ones(32)], axis=1)
    return [(2 * np.round(texels * 255) / 255).astype(np.float32)]


# Taichi 1.7's own Vulkan backend on lavapipe gets this kernel wrong (its blue channel, a constant
# 0.5 sampled plus fetched, comes back 0.50 and 0.49 instead of 1.0): the expected values are the
# texels' by numpy.
t1 = texture(ti.Format.rgba8, (32,))
case(
    "texture_1d_rgba8",
    (fill_rgba8_1d, t1),
    (sample_1d, t1, out := vec(4, ti.f32, (32,))),
    out=[out],
    oracle="numpy",
    expect=twice_the_unorm8_texels,
    atol=1e-6,
    why="unorm8 texels sampled at their centres (weight 1) plus fetched: twice the texel",
)


@ti.kernel
def fill_3d(t: ti.types.rw_texture(num_dimensions=3, fmt=ti.Format.rgba32f, lod=0)):
    for i, j, k in ti.ndrange(4, 5, 6):
        t.store(ti.Vector([i, j, k]), ti.Vector([i, j, k, i * j - k], ti.f32))


@ti.kernel
def fetch_3d(t: ti.types.texture(num_dimensions=3), out: ti.types.ndarray(ti.math.vec4, ndim=3)):
    for i, j, k in out:
        out[i, j, k] = t.fetch(ti.Vector([i, j, k]), 0)


t3 = texture(ti.Format.rgba32f, (4, 5, 6))
case("texture_3d_rgba32f_fetch", (fill_3d, t3), (fetch_3d, t3, out := vec(4, ti.f32, (4, 5, 6))), out=[out], oracle="vulkan", why="fetches return texels unfiltered: exact")


@ti.kernel
def paint(t: ti.types.rw_texture(num_dimensions=2, fmt=ti.Format.r32f, lod=0)):
    for i, j in t:
        t.store(ti.Vector([i, j]), ti.Vector([i * 10.0 + j, 0.0, 0.0, 0.0]))


@ti.kernel
def read_r32f(t: ti.types.rw_texture(num_dimensions=2, fmt=ti.Format.r32f, lod=0), out: ti.types.ndarray(ti.f32, ndim=2)):
    for i, j in out:
        out[i, j] = t.load(ti.Vector([i, j])).x


tp = texture(ti.Format.r32f, (W, H))
case("struct_for_over_texture_only_argument", (paint, tp), (read_r32f, tp, out := nd(ti.f32, (W, H))), out=[out], oracle="vulkan", why="small integers: exact")
