"""Kernels the C API cannot run: a kernel that returns a value (Taichi 1.7's C API has no call
that reads it) makes the module it is in refused at load, naming the kernel. (Argument packs
cannot be exported at all: ti.aot.Module refuses `ti.types.argpack` parameters.)"""

from corpus import case, nd, ti, uniform


@ti.kernel
def returns_sum(x: ti.types.ndarray(ti.f32, ndim=1)) -> ti.f32:
    s = 0.0
    for i in x:
        s += x[i]
    return s


case(
    "kernel_return_value",
    (returns_sum, nd(ti.f32, (16,), uniform(-1, 1))),
    out=[],
    # Each exporter's metadata says it its own way: Taichi 1.7's ret_size, forge's ret_attribs_vec_.
    refused={"code": "INCOMPATIBLE_MODULE", "error": "kernel returns_sum).ret_attribs_vec_: kernel return values have no C API in Taichi 1.7"}
    if ti.__name__ == "taichi_forge"
    else {"code": "INCOMPATIBLE_MODULE", "error": "kernel 'returns_sum' returns a value (4 bytes), which the Taichi C API cannot read"},
)
