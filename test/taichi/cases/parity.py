"""Issue 21's program shapes: argument-less kernels over fields, and a shared-array reduction.

The fuller versions (FEM, vector arguments, textures, leniency, capabilities) are in
test/taichi/parity/.
"""

from corpus import case, ints, nd, ti

N = 16
B = 64

state = ti.field(ti.i32, (N, N))
nxt = ti.field(ti.i32, (N, N))


@ti.kernel
def life_load(src: ti.types.ndarray(ti.i32, ndim=2)):
    for i, j in state:
        state[i, j] = src[i, j]


@ti.kernel
def life_step():
    for i, j in state:
        n = 0
        for di, dj in ti.static(ti.ndrange((-1, 2), (-1, 2))):
            if di != 0 or dj != 0:
                n += state[(i + di + N) % N, (j + dj + N) % N]
        nxt[i, j] = 1 if (n == 3 or (state[i, j] == 1 and n == 2)) else 0


@ti.kernel
def life_swap():
    for i, j in state:
        state[i, j] = nxt[i, j]


@ti.kernel
def life_read(dst: ti.types.ndarray(ti.i32, ndim=2)):
    for i, j in state:
        dst[i, j] = state[i, j]


board = nd(ti.i32, (N, N), ints(0, 2))
cells = nd(ti.i32, (N, N))
case("fields_game_of_life", (life_load, board), *[(k,) for _ in range(6) for k in (life_step, life_swap)], (life_read, cells), out=[cells])


@ti.kernel
def block_sum(a: ti.types.ndarray(ti.i32, ndim=1), out: ti.types.ndarray(ti.i32, ndim=1)):
    ti.loop_config(block_dim=B)
    for i in range(a.shape[0]):
        tid = i % B
        pad = ti.simt.block.SharedArray((B,), ti.i32)
        pad[tid] = a[i]
        ti.simt.block.sync()
        stride = B // 2
        while stride > 0:
            if tid < stride:
                pad[tid] += pad[tid + stride]
            ti.simt.block.sync()
            stride //= 2
        if tid == 0:
            out[i // B] = pad[0]


sums = nd(ti.i32, (8,))
# ti.cpu has no shared arrays: the expected sums come from Taichi's own Vulkan runtime.
case("shared_array_block_sum", (block_sum, nd(ti.i32, (8 * B,), ints(-1000, 1000)), sums), out=[sums], oracle="vulkan")
