"""Arithmetic edges: integer powers, arithmetic shifts of negative numbers, float-to-int casts of
negatives and fractions, u32 and i32 wraparound, comparisons stored as integers,
ti.assume_in_range, and `print` inside a kernel."""

from corpus import case, ints, nd, ti, uniform


@ti.kernel
def integer_powers(a: ti.types.ndarray(ti.i32, ndim=1), f: ti.types.ndarray(ti.f32, ndim=1), out: ti.types.ndarray(ti.i32, ndim=2), fout: ti.types.ndarray(ti.f32, ndim=2)):
    for i in a:
        x = a[i]
        out[i, 0] = x**2
        out[i, 1] = x**3
        out[i, 2] = x**7
        out[i, 3] = ti.bit_shr(x, 3)
        out[i, 4] = x >> 2
        out[i, 5] = ti.bit_shr(x - 1000, 29)
        out[i, 6] = x << 27
        fout[i, 0] = f[i] ** 2
        fout[i, 1] = f[i] ** 5
        fout[i, 2] = f[i] ** -2


case(
    "integer_pow_and_shifts_of_negatives",
    (integer_powers, nd(ti.i32, (256,), ints(-40, 40)), nd(ti.f32, (256,), uniform(-3, 3)), o := nd(ti.i32, (256, 7)), fo := nd(ti.f32, (256, 3))),
    out=[o, fo],
    rtol=1e-6,
    why="integer powers wrap as i32; float powers by repeated multiplication, which the GPU may fuse",
)


@ti.kernel
def wraparound(u: ti.types.ndarray(ti.u32, ndim=1), s: ti.types.ndarray(ti.i32, ndim=1), ou: ti.types.ndarray(ti.u32, ndim=2), os: ti.types.ndarray(ti.i32, ndim=2)):
    for i in u:
        a = u[i]
        ou[i, 0] = a * ti.u32(2654435761)
        ou[i, 1] = a + ti.u32(4000000000)
        ou[i, 2] = ti.u32(0) - a
        ou[i, 3] = (a ^ (a >> 16)) * ti.u32(0x45D9F3B)
        ou[i, 4] = ti.u32(a > ti.u32(2147483648))
        b = s[i]
        os[i, 0] = b * 1103515245 + 12345
        os[i, 1] = (b < 0) + (b == 7) * 2 + (b >= 100) * 4
        os[i, 2] = ti.cast(b > 0 and b % 2 == 1, ti.i32)
        os[i, 3] = ti.cast(ti.cast(b, ti.u32) >> 28, ti.i32)
        os[i, 4] = -b if b != -2147483648 else 0


case(
    "u32_i32_wraparound_and_bools",
    (wraparound, nd(ti.u32, (256,), ints(0, 2**32)), nd(ti.i32, (256,), ints(-2**31, 2**31)), ou := nd(ti.u32, (256, 5)), os := nd(ti.i32, (256, 5))),
    out=[ou, os],
)


@ti.kernel
def float_to_int(f: ti.types.ndarray(ti.f32, ndim=1), oi: ti.types.ndarray(ti.i32, ndim=2), ou: ti.types.ndarray(ti.u32, ndim=1)):
    for i in f:
        x = f[i]
        oi[i, 0] = ti.cast(x, ti.i32)
        oi[i, 1] = int(x)
        oi[i, 2] = ti.floor(x, ti.i32)
        oi[i, 3] = ti.ceil(x, ti.i32)
        oi[i, 4] = ti.round(x, ti.i32)
        oi[i, 5] = ti.i32(x * 3.0) // 2
        ou[i] = ti.cast(ti.abs(x) * 1000.0, ti.u32)


case(
    "float_to_int_negatives_and_fractions",
    (float_to_int, nd(ti.f32, (512,), uniform(-1e5, 1e5)), oi := nd(ti.i32, (512, 6)), ou := nd(ti.u32, (512,))),
    out=[oi, ou],
    why="every value is within range of the integer type: truncation toward zero, floor, ceil, round",
)


@ti.kernel
def assume_range(x: ti.types.ndarray(ti.i32, ndim=1), table: ti.types.ndarray(ti.f32, ndim=1), out: ti.types.ndarray(ti.f32, ndim=1)):
    for i in x:
        base = x[i]
        for k in range(4):
            j = ti.assume_in_range(base + k, base, 0, 4)
            out[i] += table[j] * (k + 1)


case(
    "assume_in_range",
    (assume_range, nd(ti.i32, (64,), ints(0, 60)), nd(ti.f32, (64,), uniform(-1, 1)), o := nd(ti.f32, (64,))),
    out=[o],
    rtol=1e-6,
    atol=1e-6,
    why="sums of four products in f32",
)


@ti.kernel
def prints(x: ti.types.ndarray(ti.f32, ndim=1), out: ti.types.ndarray(ti.f32, ndim=1)):
    for i in x:
        if i == 3:
            print("x[3] =", x[i])
        out[i] = x[i] * 2.0


case(
    "print_in_kernel",
    (prints, nd(ti.f32, (16,), uniform(-1, 1)), o := nd(ti.f32, (16,))),
    out=[o],
)
