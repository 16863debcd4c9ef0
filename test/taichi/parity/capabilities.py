# One module per capability of ti.aot.Module(caps=[...]) (issue 14 item 4, issue 21 items 3 and
# 7), each with a kernel that makes Taichi emit what the capability allows. The test loads each:
# it runs and matches ti.cpu, or it is refused at load with INCOMPATIBLE_MODULE naming the
# capability (docs/capabilities.md lists which and why).
import json
import os
import zipfile

import numpy as np
import taichi as ti

from common import HERE, export, oracle, save

N = 64


def kernels():
    @ti.kernel
    def use_i8(a: ti.types.ndarray(dtype=ti.i32, ndim=1)):
        for i in a:
            a[i] = ti.cast(ti.cast(i * 7, ti.i8) * ti.cast(3, ti.i8), ti.i32)

    @ti.kernel
    def use_i16(a: ti.types.ndarray(dtype=ti.i32, ndim=1)):
        for i in a:
            a[i] = ti.cast(ti.cast(i * 1000, ti.i16) * ti.cast(3, ti.i16), ti.i32)

    @ti.kernel
    def use_i64(a: ti.types.ndarray(dtype=ti.i32, ndim=1)):
        for i in a:
            a[i] = ti.cast(ti.cast(i, ti.i64) * ti.i64(3000000000) // 7 % 1000003, ti.i32)

    @ti.kernel
    def use_f16(a: ti.types.ndarray(dtype=ti.f32, ndim=1)):
        for i in a:
            h = ti.cast(a[i], ti.f16) * ti.cast(1.5, ti.f16) + ti.cast(i, ti.f16)
            a[i] = ti.cast(h, ti.f32)

    @ti.kernel
    def use_f64(a: ti.types.ndarray(dtype=ti.f32, ndim=1)):
        for i in a:
            a[i] = ti.cast(ti.cast(a[i], ti.f64) / 3.0 + 1e-9 * i, ti.f32)

    @ti.kernel
    def use_atomic_float_add(a: ti.types.ndarray(dtype=ti.f32, ndim=1), s: ti.types.ndarray(dtype=ti.f32, ndim=1)):
        for i in a:
            ti.atomic_add(s[i % 4], a[i])

    @ti.kernel
    def use_atomic_float_minmax(a: ti.types.ndarray(dtype=ti.f32, ndim=1), s: ti.types.ndarray(dtype=ti.f32, ndim=1)):
        for i in a:
            ti.atomic_max(s[0], a[i])
            ti.atomic_min(s[1], a[i])

    @ti.kernel
    def use_int_wrap(a: ti.types.ndarray(dtype=ti.i32, ndim=1)):
        for i in a:
            a[i] = a[i] * 1664525 + 1013904223

    @ti.kernel
    def use_subgroup_add(a: ti.types.ndarray(dtype=ti.f32, ndim=1)):
        for i in a:
            a[i] = ti.simt.subgroup.reduce_add(a[i])

    @ti.kernel
    def use_subgroup_ballot(a: ti.types.ndarray(dtype=ti.i32, ndim=1)):
        for i in a:
            a[i] = ti.cast(ti.simt.subgroup.elect(), ti.i32)

    @ti.kernel
    def use_plain(a: ti.types.ndarray(dtype=ti.f32, ndim=1)):
        for i in a:
            a[i] = a[i] * 2.0 + 1.0

    return locals()


# capability -> the kernel its module holds (the first capability is the one under test).
CASES = {
    "spirv_has_int8": ["use_i8"],
    "spirv_has_int16": ["use_i16"],
    "spirv_has_int64": ["use_i64"],
    "spirv_has_float16": ["use_f16"],
    "spirv_has_float64": ["use_f64"],
    "spirv_has_atomic_int64": ["use_plain"],
    "spirv_has_atomic_float16": ["use_plain"],
    "spirv_has_atomic_float16_add": ["use_plain"],
    "spirv_has_atomic_float16_minmax": ["use_plain"],
    "spirv_has_atomic_float": ["use_atomic_float_add"],
    "spirv_has_atomic_float_add": ["use_atomic_float_add"],
    "spirv_has_atomic_float_minmax": ["use_atomic_float_minmax"],
    "spirv_has_atomic_float64": ["use_plain"],
    "spirv_has_atomic_float64_add": ["use_plain"],
    "spirv_has_atomic_float64_minmax": ["use_plain"],
    "spirv_has_variable_ptr": ["use_plain"],
    "spirv_has_physical_storage_buffer": ["use_plain"],
    "spirv_has_subgroup_basic": ["use_subgroup_ballot"],
    "spirv_has_subgroup_vote": ["use_plain"],
    "spirv_has_subgroup_arithmetic": ["use_subgroup_add"],
    "spirv_has_subgroup_ballot": ["use_subgroup_ballot"],
    "spirv_has_non_semantic_info": ["use_plain"],
    "spirv_has_no_integer_wrap_decoration": ["use_int_wrap"],
}
# What the kernels need besides the capability under test, so that Taichi emits them.
ALSO = {"spirv_has_atomic_float": ["spirv_has_atomic_float_add"],
        "spirv_has_subgroup_arithmetic": ["spirv_has_subgroup_basic"], "spirv_has_subgroup_ballot": ["spirv_has_subgroup_basic"]}


def require(name, cap):
    path = os.path.join(HERE, "modules", f"{name}.tcm")
    with zipfile.ZipFile(path) as z:
        files = {n: z.read(n) for n in z.namelist()}
    meta = json.loads(files["metadata.json"])
    meta["required_caps"].append({"key": cap, "value": 1})
    files["metadata.json"] = json.dumps(meta).encode()
    with zipfile.ZipFile(path, "w") as z:
        for n, data in files.items():
            z.writestr(n, data)


def main():
    exported = []
    for cap, names in CASES.items():
        def define():
            ks = kernels()
            return lambda m: [m.add_kernel(ks[n]) for n in names]

        try:
            export(f"cap_{cap}", define, [cap] + ALSO.get(cap, []))
            exported.append(cap)
        except Exception as e:
            # Taichi cannot emit a kernel with it: a plain kernel's module says it requires it.
            print(f"{cap}: Taichi cannot export a kernel with it ({str(e).splitlines()[0]}); requiring it in metadata.json instead")
            ti.reset()

            def plain():
                ks = kernels()
                return lambda m: m.add_kernel(ks["use_plain"])

            export(f"cap_{cap}", plain)
            require(f"cap_{cap}", cap)
            exported.append(cap)
    oracle()
    ks = kernels()
    rng = np.random.default_rng(7)
    inputs = {"f32": rng.uniform(-4, 4, N).astype(np.float32), "i32": rng.integers(-1000, 1000, N).astype(np.int32)}
    results = {}
    for name, k in ks.items():
        if name.startswith("use_subgroup"):
            continue
        dtype = "i32" if name in ("use_i8", "use_i16", "use_i64", "use_int_wrap") else "f32"
        a = inputs[dtype].copy()
        if name.startswith("use_atomic"):
            s = np.float32([-1e30, 1e30, 0, 0]) if "minmax" in name else np.zeros(4, np.float32)
            k(a, s)
            results[name] = {"input": inputs[dtype], "output": s, "second": True}
        else:
            k(a)
            results[name] = {"input": inputs[dtype], "output": a}
    save("capabilities", {"exported": exported, "kernels": {cap: names[0] for cap, names in CASES.items()}, "results": results})


main()
