"""8-bit data (cap spirv_has_int8): u8 and i8 ndarrays of scalars and vectors, a u8 field, 8-bit
scalar arguments, arithmetic that wraps, casts to and from 32-bit types, and a u8 game of life on
ping-pong fields. WGSL has no 8-bit integers: the translator holds each in a 32-bit word, four
elements to a word of storage (shim/spirv/passes/narrow-int.ts). Division and modulo of 8-bit
integers are left out: Taichi 1.7.4's own Vulkan code generator crashes on them (a segmentation
fault in ti.aot.Module, before anything is written), so no module can hold them; ti.min and ti.max
of them are written as selects: Taichi's CPU backend, the oracle, refuses them ("Not supported")."""

from corpus import case, ints, nd, ti, vec

FORGE = ti.__name__ == "taichi_forge"


def CAPS(module):
    # forge also asks for spirv_has_int8_storage for any 8-bit ndarray or field (as it asks for
    # spirv_has_int16_storage for 16-bit ones).
    return ["spirv_has_int8"] + (["spirv_has_int8_storage"] if FORGE else [])


N = 37
L = 24
life = ti.field(ti.u8, shape=(2, L, L))


@ti.kernel
def ops_u8(a: ti.types.ndarray(ti.u8, ndim=1), b: ti.types.ndarray(ti.u8, ndim=1), out: ti.types.ndarray(ti.u32, ndim=2)):
    for i in a:
        x, y = a[i], b[i]
        out[i, 0] = ti.u32(x + y)
        out[i, 1] = ti.u32(x * y)
        out[i, 2] = ti.u32(x - y)
        out[i, 3] = ti.u32(x >> ti.u8(3))
        out[i, 4] = ti.u32(x ^ y)
        out[i, 5] = ti.u32(x if x > y else y)
        out[i, 6] = ti.u32(x << ti.u8(2))
        out[i, 7] = ti.u32(ti.i8(x))
        b[i] = x * ti.u8(3) + y


@ti.kernel
def ops_i8(a: ti.types.ndarray(ti.i8, ndim=1), b: ti.types.ndarray(ti.i8, ndim=1), out: ti.types.ndarray(ti.i32, ndim=2)):
    for i in a:
        x, y = a[i], b[i]
        out[i, 0] = ti.i32(x + y)
        out[i, 1] = ti.i32(x * y)
        out[i, 2] = ti.i32(x - y)
        out[i, 3] = ti.i32(ti.u8(x))
        out[i, 4] = ti.i32(x >> ti.i8(2))
        out[i, 5] = ti.i32(x if x < y else y)
        out[i, 6] = ti.i32(-x)
        a[i] = x - y * ti.i8(5)


@ti.kernel
def brighten_rgb(img: ti.types.ndarray(ti.types.vector(3, ti.u8), ndim=2), gain: ti.f32, offset: ti.u8, out: ti.types.ndarray(ti.types.vector(3, ti.u8), ndim=2)):
    for i, j in img:
        c = img[i, j]
        for k in ti.static(range(3)):
            v = ti.f32(c[k]) * gain + ti.f32(offset)
            out[i, j][k] = ti.u8(ti.min(ti.max(v, 0.0), 255.0))


@ti.kernel
def threshold_i8(a: ti.types.ndarray(ti.f32, ndim=1), limit: ti.i8, mask: ti.types.ndarray(ti.i8, ndim=1)):
    for i in a:
        q = ti.i8(ti.floor(a[i]))
        mask[i] = q if q < limit else -limit


@ti.kernel
def life_seed(seed: ti.types.ndarray(ti.u8, ndim=2)):
    for i, j in seed:
        life[0, i, j] = seed[i, j] & ti.u8(1)


@ti.kernel
def life_step(src: ti.i32):
    dst = 1 - src
    for i, j in ti.ndrange(L, L):
        n = ti.u8(0)
        for di, dj in ti.static(ti.ndrange((-1, 2), (-1, 2))):
            if ti.static(di != 0 or dj != 0):
                n += life[src, (i + di) % L, (j + dj) % L]
        alive = life[src, i, j]
        life[dst, i, j] = ti.u8(1) if n == 3 or (n == 2 and alive == 1) else ti.u8(0)


@ti.kernel
def life_read(out: ti.types.ndarray(ti.i32, ndim=2)):
    for i, j in out:
        out[i, j] = ti.i32(life[0, i, j])


case("u8_ndarrays", (ops_u8, nd(ti.u8, (N,), ints(0, 256)), b := nd(ti.u8, (N,), ints(0, 256)), out := nd(ti.u32, (N, 8))), out=[b, out])
case("i8_ndarrays", (ops_i8, a := nd(ti.i8, (N,), ints(-128, 128)), nd(ti.i8, (N,), ints(-128, 128)), out := nd(ti.i32, (N, 7))), out=[a, out])
case(
    "u8_rgb_image_and_u8_scalar_arg",
    (brighten_rgb, vec(3, ti.u8, (13, 7), ints(0, 256)), 1.25, 17, o := vec(3, ti.u8, (13, 7))),
    out=[o],
    why="u8 * 1.25 + 17 is exact in f32; clamped, then truncated",
)
case("i8_scalar_arg_and_casts_from_f32", (threshold_i8, nd(ti.f32, (N,), ints(-100, 100)), 20, m := nd(ti.i8, (N,))), out=[m])
case(
    "u8_field_game_of_life_16_steps",
    (life_seed, nd(ti.u8, (L, L), ints(0, 256))),
    *[(life_step, s % 2) for s in range(16)],
    (life_read, o := nd(ti.i32, (L, L))),
    out=[o],
)
