# Shared arrays with barriers (issue 21, item 2): block-level reductions whose barriers sit in
# Taichi's grid-stride loop. ti.cpu has no shared arrays, so the expected values come from the
# same reductions written without them on ti.cpu; Taichi's own Vulkan runtime (lavapipe) must
# agree with those before they are saved.
import numpy as np
import taichi as ti

from common import export, oracle, save

B = 64
N = B * 8  # a whole number of blocks: a barrier is only defined when every thread reaches it


def kernels():
    @ti.kernel
    def block_sum(a: ti.types.ndarray(dtype=ti.i32, ndim=1), out: ti.types.ndarray(dtype=ti.i32, ndim=1)):
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

    @ti.kernel
    def block_max_f32(a: ti.types.ndarray(dtype=ti.f32, ndim=1), out: ti.types.ndarray(dtype=ti.f32, ndim=1)):
        ti.loop_config(block_dim=B)
        for i in range(a.shape[0]):
            tid = i % B
            pad = ti.simt.block.SharedArray((B,), ti.f32)
            pad[tid] = a[i]
            ti.simt.block.sync()
            for k in ti.static(range(6)):
                s = B >> (k + 1)
                v = pad[tid]
                if tid < s:
                    v = ti.max(v, pad[tid + s])
                ti.simt.block.sync()
                pad[tid] = v
                ti.simt.block.sync()
            out[i] = pad[0] - a[i]

    @ti.kernel
    def block_sum_oracle(a: ti.types.ndarray(dtype=ti.i32, ndim=1), out: ti.types.ndarray(dtype=ti.i32, ndim=1)):
        for b in range(a.shape[0] // B):
            s = 0
            for t in range(B):
                s += a[b * B + t]
            out[b] = s

    @ti.kernel
    def block_max_oracle(a: ti.types.ndarray(dtype=ti.f32, ndim=1), out: ti.types.ndarray(dtype=ti.f32, ndim=1)):
        for i in range(a.shape[0]):
            m = a[i // B * B]
            for t in range(B):
                m = ti.max(m, a[i // B * B + t])
            out[i] = m - a[i]

    return block_sum, block_max_f32, block_sum_oracle, block_max_oracle


def define():
    block_sum, block_max_f32, _, _ = kernels()
    return lambda m: [m.add_kernel(k) for k in (block_sum, block_max_f32)]


def run(block_sum, block_max_f32, ints, floats):
    sums = np.zeros(N // B, np.int32)
    block_sum(ints, sums)
    maxes = np.zeros(N, np.float32)
    block_max_f32(floats, maxes)
    return sums, maxes


def expected():
    rng = np.random.default_rng(2)
    ints = rng.integers(-1000, 1000, N).astype(np.int32)
    floats = rng.uniform(-10, 10, N).astype(np.float32)
    oracle(ti.vulkan)
    block_sum, block_max_f32, _, _ = kernels()
    on_vulkan = run(block_sum, block_max_f32, ints, floats)
    ti.reset()
    oracle()
    _, _, sum_oracle, max_oracle = kernels()
    on_cpu = run(sum_oracle, max_oracle, ints, floats)
    assert all(np.array_equal(v, c) for v, c in zip(on_vulkan, on_cpu)), "Taichi's Vulkan runtime and the CPU oracle disagree"
    save("shared_arrays", {"block": B, "ints": ints, "floats": floats, "sums": on_cpu[0], "maxes": on_cpu[1]})


export("shared_arrays", define)
expected()
