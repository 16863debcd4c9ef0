"""Atomics on shared memory (ti.simt.block.SharedArray) between block barriers, one block of 64
threads per output value. (A module of its own: shared arrays are a capability of their own.)
Taichi's CPU backend has no shared arrays, so the expected values are its Vulkan backend's.
f32 atomics on shared memory do not compile in Taichi 1.7 without atomic-float caps (add fails in
its SPIR-V code generator, max makes a pipeline lavapipe rejects), so there are none here."""

from corpus import case, ints, nd, ti, uniform

N = 4096
OPS = {"add": ti.atomic_add, "sub": ti.atomic_sub, "min": ti.atomic_min, "max": ti.atomic_max, "or": ti.atomic_or, "and": ti.atomic_and, "xor": ti.atomic_xor}


def inputs(op, dt):
    if dt == ti.f32:
        return uniform(-1, 1)
    return ints(0, 2**32) if dt == ti.u32 else ints(-(2**31), 2**31)

BLOCK = 64


def shared_kernel(op, dt):
    fn = OPS[op]

    @ti.kernel
    def k(src: ti.types.ndarray(dt, ndim=1), out: ti.types.ndarray(dt, ndim=1)):
        ti.loop_config(block_dim=BLOCK)
        for i in range(N):
            tid = i % BLOCK
            pad = ti.simt.block.SharedArray((1,), dt)
            if tid == 0:
                pad[0] = src[i]
            ti.simt.block.sync()
            if tid != 0:
                fn(pad[0], src[i])
            ti.simt.block.sync()
            if tid == 0:
                out[i // BLOCK] = pad[0]

    k.__name__ = f"atomic_{op}_{dt}_shared"
    return k


for dt, op in [(ti.i32, "add"), (ti.i32, "min"), (ti.u32, "max"), (ti.u32, "and"), (ti.i32, "or"), (ti.u32, "xor"), (ti.i32, "sub")]:
    k = shared_kernel(op, dt)
    exact = dt != ti.f32 or op != "add"
    case(
        f"{op}_{dt}_shared",
        (k, nd(dt, (N,), inputs(op, dt)), out := nd(dt, (N // BLOCK,))),
        out=[out],
        oracle="vulkan",
        atol=0 if exact else 1e-5,
        why="order-independent: exact" if exact else "f32 adds of 64 terms in any order",
    )
