"""Declared block sizes: ti.loop_config(block_dim=...) on range-fors, ndrange and struct-fors over
ndarrays and fields, of sizes below, at and above the default (Taichi takes powers of two only), over sizes that are not a multiple of the block."""

from corpus import case, ints, nd, ti

acc = ti.field(ti.i32, shape=(37, 29))


def scaled(block):
    @ti.kernel
    def k(x: ti.types.ndarray(ti.i32, ndim=1), y: ti.types.ndarray(ti.i32, ndim=1)):
        ti.loop_config(block_dim=block)
        for i in x:
            y[i] = x[i] * block + i

    k.__name__ = f"scaled_block_{block}"
    return k


for block in (1, 32, 128, 256, 1024):
    case(f"struct_for_block_dim_{block}", (scaled(block), nd(ti.i32, (1000,), ints(-5000, 5000)), y := nd(ti.i32, (1000,))), out=[y])


@ti.kernel
def ndrange_block(out: ti.types.ndarray(ti.i32, ndim=2), w: ti.i32, h: ti.i32):
    ti.loop_config(block_dim=64)
    for i, j in ti.ndrange(w, h):
        out[i, j] = i * 1000 + j


case("ndrange_by_args_block_dim_64", (ndrange_block, out := nd(ti.i32, (37, 29)), 37, 29), out=[out])


@ti.kernel
def field_block(src: ti.types.ndarray(ti.i32, ndim=2), out: ti.types.ndarray(ti.i32, ndim=0)):
    ti.loop_config(block_dim=128)
    for i, j in acc:
        acc[i, j] = src[i, j] * 2 - j
    ti.loop_config(block_dim=16)
    for i, j in acc:
        out[None] += acc[i, j]


case("field_struct_for_block_dims_128_16", (field_block, nd(ti.i32, (37, 29), ints(-100, 100)), total := nd(ti.i32, ())), out=[total])
