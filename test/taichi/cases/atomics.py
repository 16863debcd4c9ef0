"""Every atomic op (add, sub, min, max, and, or, xor) on i32 and u32 (but sub, which Taichi cannot
export for u32), and add/sub/min/max on f32,
on ndarrays, fields and local variables, with many threads per address; and an atomic's return
value used (a counter's old values sum to a fixed total). Shared memory: atomics_shared.py."""

from corpus import case, ints, nd, ti, uniform

N = 4096
BINS = 7
OPS = {
    "add": ti.atomic_add,
    "sub": ti.atomic_sub,
    "min": ti.atomic_min,
    "max": ti.atomic_max,
    "and": ti.atomic_and,
    "or": ti.atomic_or,
    "xor": ti.atomic_xor,
}
F32_SUM = "f32 atomic adds land in any order: rounding differs with the order (4096 terms of |x| < 1 into 7 bins)"


def ndarray_kernel(op, dt):
    fn = OPS[op]

    @ti.kernel
    def k(src: ti.types.ndarray(dt, ndim=1), bins: ti.types.ndarray(dt, ndim=1)):
        for i in src:
            fn(bins[i % BINS], src[i])

    k.__name__ = f"atomic_{op}_{dt}_ndarray"
    return k


def inputs(op, dt):
    if dt == ti.f32:
        return uniform(-1, 1)
    if op in ("and", "or", "xor") or dt == ti.u32:
        return ints(0, 2**32) if dt == ti.u32 else ints(-(2**31), 2**31)
    return ints(-(2**20), 2**20)


def initial(op, dt):
    if op == "and":
        return ints(0, 2**32) if dt == ti.u32 else ints(-(2**31), 2**31)
    return inputs(op, dt)


for dt in (ti.i32, ti.u32, ti.f32):
    for op in OPS:
        if dt == ti.f32 and op in ("and", "or", "xor"):
            continue
        if dt == ti.u32 and op == "sub":
            continue  # Taichi 1.7's SPIR-V code generator refuses it at add_kernel ("Not supported.")
        k = ndarray_kernel(op, dt)
        exact = dt != ti.f32 or op in ("min", "max")
        case(
            f"{op}_{dt}_ndarray",
            (k, nd(dt, (N,), inputs(op, dt)), bins := nd(dt, (BINS,), initial(op, dt))),
            out=[bins],
            atol=0 if exact else 2e-4,
            why="order-independent: exact" if exact else F32_SUM,
        )

counts = ti.field(ti.i32, shape=BINS)
fmax = ti.field(ti.f32, shape=BINS)
ubits = ti.field(ti.u32, shape=BINS)


@ti.kernel
def atomics_on_fields(src: ti.types.ndarray(ti.f32, ndim=1), out_i: ti.types.ndarray(ti.i32, ndim=1), out_f: ti.types.ndarray(ti.f32, ndim=1), out_u: ti.types.ndarray(ti.u32, ndim=1)):
    for b in range(BINS):
        counts[b] = 0
        fmax[b] = -1e30
        ubits[b] = 0
    for i in src:
        b = i % BINS
        ti.atomic_add(counts[b], 1 if src[i] > 0 else -2)
        ti.atomic_max(fmax[b], src[i])
        ti.atomic_or(ubits[b], ti.u32(1) << ti.u32(i % 32))
    for b in range(BINS):
        out_i[b] = counts[b]
        out_f[b] = fmax[b]
        out_u[b] = ubits[b]


case(
    "add_max_or_on_fields",
    (atomics_on_fields, nd(ti.f32, (N,), uniform(-1, 1)), oi := nd(ti.i32, (BINS,)), of := nd(ti.f32, (BINS,)), ou := nd(ti.u32, (BINS,))),
    out=[oi, of, ou],
)


@ti.kernel
def atomics_on_locals(x: ti.types.ndarray(ti.i32, ndim=2), out: ti.types.ndarray(ti.i32, ndim=2)):
    for i in range(x.shape[0]):
        s = 0
        lo = 2**30
        bits = 0
        for j in range(x.shape[1]):
            ti.atomic_add(s, x[i, j])
            ti.atomic_min(lo, x[i, j])
            ti.atomic_xor(bits, x[i, j])
        out[i, 0] = s
        out[i, 1] = lo
        out[i, 2] = bits


case("add_min_xor_on_locals", (atomics_on_locals, nd(ti.i32, (64, 33), ints(-(2**20), 2**20)), out := nd(ti.i32, (64, 3))), out=[out])


@ti.kernel
def old_values(counter: ti.types.ndarray(ti.i32, ndim=0), total: ti.types.ndarray(ti.i32, ndim=0), n: ti.i32):
    for i in range(n):
        old = ti.atomic_add(counter[None], 1)
        ti.atomic_add(total[None], old)


case("atomic_return_values", (old_values, c := nd(ti.i32, ()), t := nd(ti.i32, ()), 3000), out=[c, t], why="the old values are 0..n-1 in some order: their sum is fixed")
