"""Many buffers bound in one task: a loop reading eleven ndarrays and writing a twelfth, beside a
field (root buffer) and scalar arguments (args buffer). WebGPU's default limit is 8 storage
buffers a shader stage; the runtime must ask the adapter for more, or merge bindings."""

from corpus import case, nd, ti, uniform

N = 64
acc = ti.field(ti.f32, shape=N)


@ti.kernel
def twelve(
    a0: ti.types.ndarray(ti.f32, ndim=1),
    a1: ti.types.ndarray(ti.f32, ndim=1),
    a2: ti.types.ndarray(ti.f32, ndim=1),
    a3: ti.types.ndarray(ti.f32, ndim=1),
    a4: ti.types.ndarray(ti.f32, ndim=1),
    a5: ti.types.ndarray(ti.f32, ndim=1),
    a6: ti.types.ndarray(ti.f32, ndim=1),
    a7: ti.types.ndarray(ti.f32, ndim=1),
    a8: ti.types.ndarray(ti.f32, ndim=1),
    a9: ti.types.ndarray(ti.f32, ndim=1),
    a10: ti.types.ndarray(ti.f32, ndim=1),
    out: ti.types.ndarray(ti.f32, ndim=1),
    s: ti.f32,
):
    for i in out:
        acc[i] += s
        out[i] = a0[i] + 2 * a1[i] + 3 * a2[i] + 4 * a3[i] + 5 * a4[i] + 6 * a5[i] + 7 * a6[i] + 8 * a7[i] + 9 * a8[i] + 10 * a9[i] + 11 * a10[i] + acc[i]


def arr():
    return nd(ti.f32, (N,), uniform(-1, 1))


case(
    "twelve_ndarrays_and_a_field_in_one_loop",
    (twelve, arr(), arr(), arr(), arr(), arr(), arr(), arr(), arr(), arr(), arr(), arr(), o := nd(ti.f32, (N,)), 0.5),
    out=[o],
    rtol=1e-5,
    atol=1e-5,
    why="a sum of eleven f32 products, fused or not",
)
