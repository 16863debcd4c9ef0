"""Capabilities WebGPU lacks: a module exported with spirv_has_int64 or _float64, each with a kernel
that uses the type, is refused at load naming the capability (docs/capabilities.md: WGSL has no
64-bit types). 8-bit integers run (cases/eight.py); subgroup operations run where the device has
WebGPU's subgroups (test/taichi/parity/capabilities.test.ts)."""

from corpus import case, nd, ti

USES = {
    "spirv_has_int64": ti.i64,
    "spirv_has_float64": ti.f64,
}


def CAPS(module):
    return [] if module is None else [f"spirv_has_{module}"]


def kernel_using(cap, dt):
    if dt is None:

        @ti.kernel
        def k(a: ti.types.ndarray(ti.i32, ndim=1)):
            for i in a:
                a[i] = i * 3

    else:

        @ti.kernel
        def k(a: ti.types.ndarray(ti.i32, ndim=1)):
            for i in a:
                a[i] = ti.cast(ti.cast(i * 7, dt) * ti.cast(3, dt), ti.i32)

    k.__name__ = f"uses_{cap[len('spirv_has_'):]}"
    return k


for cap, dt in USES.items():
    case(
        f"{cap[len('spirv_has_'):]}_refused",
        (kernel_using(cap, dt), a := nd(ti.i32, (16,))),
        out=[a],
        module=cap[len("spirv_has_"):],
        refused={"code": "INCOMPATIBLE_MODULE", "error": f"requires {cap} = 1"},
    )
