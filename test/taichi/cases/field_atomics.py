"""Atomics on fields (the root buffer): sub, min, and, xor on i32, min, max, or on u32, sub, min,
max on f32 (add, max and or on fields: atomics/add_max_or_on_fields), 2000 updates on 5 cells each."""

from corpus import case, ints, nd, ti

BINS = 5
ifield = ti.field(ti.i32, shape=(BINS, 4))
ufield = ti.field(ti.u32, shape=(BINS, 3))
ffield = ti.field(ti.f32, shape=(BINS, 3))


@ti.kernel
def field_atomics(src: ti.types.ndarray(ti.i32, ndim=1), iout: ti.types.ndarray(ti.i32, ndim=2), uout: ti.types.ndarray(ti.u32, ndim=2), fout: ti.types.ndarray(ti.f32, ndim=2)):
    for b in range(BINS):
        ifield[b, 0] = 0
        ifield[b, 1] = 1 << 30
        ifield[b, 2] = -1
        ifield[b, 3] = 0
        ufield[b, 0] = ti.cast(-1, ti.u32)
        ufield[b, 1] = 0
        ufield[b, 2] = 0
        ffield[b, 0] = 0.0
        ffield[b, 1] = 1e9
        ffield[b, 2] = -1e9
    for i in src:
        v = src[i]
        b = (v & 0x7FFFFFFF) % BINS
        ti.atomic_sub(ifield[b, 0], v)
        ti.atomic_min(ifield[b, 1], v)
        ti.atomic_and(ifield[b, 2], v | 0x10)
        ti.atomic_xor(ifield[b, 3], v)
        u = ti.cast(v, ti.u32)
        ti.atomic_min(ufield[b, 0], u)
        ti.atomic_max(ufield[b, 1], u)
        ti.atomic_or(ufield[b, 2], u & 0xF0F0)
        f = ti.cast(v % 1000, ti.f32) * 0.5
        ti.atomic_sub(ffield[b, 0], f)
        ti.atomic_min(ffield[b, 1], f)
        ti.atomic_max(ffield[b, 2], f)
    for b, k in ifield:
        iout[b, k] = ifield[b, k]
    for b, k in ufield:
        uout[b, k] = ufield[b, k]
        fout[b, k] = ffield[b, k]


case(
    "sub_min_and_xor_max_or_on_fields",
    (field_atomics, nd(ti.i32, (2000,), ints(-(2**31), 2**31)), i := nd(ti.i32, (BINS, 4)), u := nd(ti.u32, (BINS, 3)), f := nd(ti.f32, (BINS, 3))),
    out=[i, u, f],
    why="integer atomics are exact in any order; f32 sums of halves of integers below 1000 stay exact (under 2^24)",
)
