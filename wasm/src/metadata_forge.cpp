// Forge's fields, by object. The facts come from modules forge 0.7 exports and from its Python
// readers (taichi_forge/aot/conventions/gfxruntime140); docs/forge.md has the table of fates.
#include "metadata_forge.h"

#include <initializer_list>

namespace tiw {
namespace {

std::string at_index(const std::string &path, const char *key, size_t i) { return path + "." + key + "[" + std::to_string(i) + "]"; }

// Refuses every member outside `keys`: a field this reader does not know may change what the
// module computes.
bool only_keys(Reader &r, const json &obj, const std::string &path, std::initializer_list<const char *> keys) {
  if (!obj.is_object()) return r.fail_at(path, "expected an object"), false;
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    bool known = false;
    for (const char *k : keys) known = known || it.key() == k;
    if (!known) return r.refuse_at(path + "." + it.key(), "a field this runtime does not know (written by a taichi-forge newer than 0.7?)"), false;
  }
  return true;
}

// A member that must hold `expected` for the module to run here; `why` says what the other
// values ask for.
bool require_value(Reader &r, const json &obj, const char *key, const std::string &path, int64_t expected, const std::string &why) {
  int64_t v = 0;
  if (!r.integer(obj, key, path, INT32_MIN, INT32_MAX, v)) return false;
  if (v != expected) return r.refuse_at(path + "." + key, "is " + std::to_string(v) + ": " + why), false;
  return true;
}

bool require_empty(Reader &r, const json &obj, const char *key, const std::string &path, const std::string &why) {
  const json *v = r.array(obj, key, path);
  if (!v) return false;
  if (!v->empty()) return r.refuse_at(path + "." + key, why), false;
  return true;
}

bool is_bool(Reader &r, const json &obj, const char *key, const std::string &path) {
  const json *v = r.member(obj, key, path);
  if (v && !v->is_boolean()) r.fail_at(path + "." + key, "expected a boolean");
  return r.ok();
}

// host_launch says how forge's own runtime sizes a dynamic range-for's grid from args words. The
// shaders of tasks that are not one_to_one loop grid-stride over bounds they read from the same
// words, so the advisory grid is always enough here: the expression is checked, not evaluated.
bool host_bound(Reader &r, const json &b, const std::string &path) {
  if (!only_keys(r, b, path, {"factor", "offsets", "shape_product", "scale", "bias", "input_min", "input_max", "program"})) return false;
  const json *program = r.array(b, "program", path);
  if (!program) return false;
  for (size_t i = 0; i < program->size(); ++i) {
    if (!only_keys(r, (*program)[i], at_index(path, "program", i), {"op", "immediate", "lhs", "rhs", "offset"})) return false;
  }
  return r.array(b, "offsets", path) != nullptr && is_bool(r, b, "shape_product", path);
}

bool range_attribs(Reader &r, const json &ra, const std::string &path) {
  if (ra.is_null()) return true;
  if (!only_keys(r, ra, path, {"begin", "end", "host_launch", "empty_group_elision"})) return false;
  for (const char *end : {"begin", "end"}) {
    const json *b = r.member(ra, end, path);
    if (!b || !only_keys(r, *b, path + "." + end, {"kind", "value"})) return false;
  }
  // empty_group_elision lets forge's runtime skip groups with no iteration; launching them is
  // harmless, since every group checks its range.
  int64_t v = 0;
  if (!r.integer(ra, "empty_group_elision", path, 0, 255, v)) return false;
  const json *host = r.member(ra, "host_launch", path);
  if (!host || host->is_null()) return r.ok();
  if (!only_keys(r, *host, path + ".host_launch", {"begin", "end"})) return false;
  for (const char *end : {"begin", "end"}) {
    const json *b = r.member(*host, end, path + ".host_launch");
    if (!b || !host_bound(r, *b, path + ".host_launch." + end)) return false;
  }
  return true;
}

bool read_task(Reader &r, const json &t, const std::string &path, TaskInfo &task) {
  const std::string at = path + " (task " + task.name + ")";
  if (!only_keys(r, t, at,
                 {"name", "requested_grid_dim", "requested_block_dim", "source_block_dim_explicit", "static_shared_array_bytes", "advisory_total_num_threads",
                  "advisory_num_threads_per_group", "one_to_one", "device_range_dispatch_version", "task_type", "buffer_binds", "texture_binds",
                  "acceleration_structure_binds", "range_for_attribs", "sparse_list_op", "sparse_list_snode_id", "sparse_list_parent_snode_id",
                  "may_mutate_sparse_topology", "sparse_mutation_snode_id", "cooperative_matrix_requirements"})) {
    return false;
  }
  // The shader's workgroup size is compiled in; a declared block size must be that size.
  int64_t block = 0, grid = 0, shared = 0;
  if (!r.integer(t, "requested_block_dim", at, 0, 1024, block)) return false;
  if (block != 0 && block != task.threads_per_group) {
    return r.refuse_at(at + ".requested_block_dim", std::to_string(block) + " differs from advisory_num_threads_per_group " + std::to_string(task.threads_per_group)), false;
  }
  if (!r.integer(t, "requested_grid_dim", at, 0, INT32_MAX, grid)) return false;
  if (grid != 0 && static_cast<uint64_t>(grid) * task.threads_per_group != task.total_threads) {
    return r.refuse_at(at + ".requested_grid_dim", std::to_string(grid) + " groups differ from the advisory grid of " + std::to_string(task.total_threads) + " threads"), false;
  }
  if (!is_bool(r, t, "source_block_dim_explicit", at)) return false;
  if (!r.integer(t, "static_shared_array_bytes", at, 0, INT32_MAX, shared)) return false;
  task.shared_bytes = static_cast<uint32_t>(shared);
  if (!require_value(r, t, "one_to_one", at, 0, "a one-to-one task needs a grid sized from host_launch at each launch, which this runtime does not compute") ||
      !require_value(r, t, "device_range_dispatch_version", at, 0, "device-sized dispatches (forge's indirect launches) are not supported") ||
      !require_value(r, t, "sparse_list_op", at, 0, "sparse SNode list generation is not supported (WebGPU has no Taichi sparse runtime)") ||
      !require_value(r, t, "sparse_list_snode_id", at, -1, "sparse SNode lists are not supported") ||
      !require_value(r, t, "sparse_list_parent_snode_id", at, -1, "sparse SNode lists are not supported") ||
      !require_value(r, t, "sparse_mutation_snode_id", at, -1, "sparse SNode activation is not supported") ||
      !require_value(r, t, "may_mutate_sparse_topology", at, 0, "sparse SNode activation is not supported") ||
      !require_empty(r, t, "acceleration_structure_binds", at, "ray queries need acceleration structures, which WebGPU does not have") ||
      !require_empty(r, t, "cooperative_matrix_requirements", at, "cooperative matrices have no WebGPU counterpart")) {
    return false;
  }
  const json *binds = r.array(t, "buffer_binds", at);
  for (size_t b = 0; binds && b < binds->size(); ++b) {
    std::string bpath = at_index(at, "buffer_binds", b);
    const json &bind = (*binds)[b];
    int64_t access = 0;
    // access (read, write or both) only narrows what the runtime binds read-write anyway.
    const json *buffer = r.member(bind, "buffer", bpath);
    if (!buffer || !only_keys(r, bind, bpath, {"access", "binding", "buffer", "chunk_count"}) || !only_keys(r, *buffer, bpath + ".buffer", {"root_id", "type"}) ||
        !r.integer(bind, "access", bpath, 0, 3, access) || !require_value(r, bind, "chunk_count", bpath, 0, "chunked buffers are not supported")) {
      return false;
    }
  }
  const json *textures = r.array(t, "texture_binds", at);
  for (size_t b = 0; textures && b < textures->size(); ++b) {
    std::string bpath = at_index(at, "texture_binds", b);
    const json &bind = (*textures)[b];
    // uses_sampling only says whether the shader filters; the runtime binds a sampler either way.
    if (!only_keys(r, bind, bpath, {"arg_id", "binding", "is_storage", "lod", "comparison", "uses_sampling"}) || !is_bool(r, bind, "uses_sampling", bpath) ||
        !require_value(r, bind, "comparison", bpath, 0, "depth-comparison sampling is not supported") ||
        !require_value(r, bind, "lod", bpath, 0, "a rw_texture bound at a mip level other than 0 is not supported (its storage view is level 0)")) {
      return false;
    }
  }
  if (!binds || !textures) return false;
  const json *ra = r.member(t, "range_for_attribs", at);
  return ra && range_attribs(r, *ra, at + ".range_for_attribs");
}

bool read_context(Reader &r, const json &ctx, const std::string &path, const KernelInfo &kernel) {
  const std::string at = path + " (kernel " + kernel.name + ")";
  if (!only_keys(r, ctx, at,
                 {"arg_attribs_vec_", "ret_attribs_vec_", "args_bytes_", "rets_bytes_", "arr_access", "grad_arr_access", "args_type_", "rets_type_", "argpack_types_",
                  "descriptor_array_offsets"})) {
    return false;
  }
  if (!require_empty(r, ctx, "ret_attribs_vec_", at, "kernel return values have no C API in Taichi 1.7") ||
      !require_empty(r, ctx, "argpack_types_", at, "argument packs have no C API in Taichi 1.7") || !is_bool(r, ctx, "descriptor_array_offsets", at)) {
    return false;
  }
  // descriptor_array_offsets: the shaders add each ndarray's data_ptr word to its byte addresses
  // (an offset into the bound buffer); launches write 0 there, since ndarrays are bound whole.
  // arr_access says which ndarrays the kernel reads or writes; the runtime binds them read-write.
  const json *access = r.array(ctx, "arr_access", at);
  const json *grad = r.array(ctx, "grad_arr_access", at);
  if (!access || !grad) return false;
  for (size_t i = 0; i < grad->size(); ++i) {
    if (!require_value(r, (*grad)[i], "value", at_index(at, "grad_arr_access", i), 0, "gradient ndarrays (autodiff) are not supported")) return false;
  }
  const json *attribs = r.array(ctx, "arg_attribs_vec_", at);
  for (size_t i = 0; attribs && i < attribs->size(); ++i) {
    std::string apath = at_index(at, "arg_attribs_vec_", i) + ".value";
    const json *value = r.member((*attribs)[i], "value", apath);
    if (!value || !only_keys(r, *value, apath, {"name", "stride", "offset_in_mem", "indices", "dtype", "is_array", "is_argpack", "element_shape", "field_dim", "format", "ptype", "texture_lod"}) ||
        !require_value(r, *value, "is_argpack", apath, 0, "argument packs have no C API in Taichi 1.7") ||
        !require_value(r, *value, "texture_lod", apath, 0, "a rw_texture of a mip level other than 0 is not supported (its storage view is level 0)")) {
      return false;
    }
    const json *indices = r.member(*value, "indices", apath);
    const json *key = r.member((*attribs)[i], "key", at_index(at, "arg_attribs_vec_", i));
    if (!indices || !key) return false;
    if (*indices != *key) return r.fail_at(apath + ".indices", "differs from the argument's key"), false;
  }
  return attribs != nullptr;
}

bool read_kernel(Reader &r, const json &k, const std::string &path, KernelInfo &kernel) {
  const std::string at = path + " (kernel " + kernel.name + ")";
  if (!only_keys(r, k, at, {"name", "is_jit_evaluator", "tasks_attribs", "ctx_attribs"})) return false;
  if (!require_value(r, k, "is_jit_evaluator", at, 0, "JIT evaluator kernels are not exported kernels")) return false;
  const json *ctx = r.member(k, "ctx_attribs", at);
  const json *tasks = r.array(k, "tasks_attribs", at);
  if (!ctx || !tasks || !read_context(r, *ctx, path + ".ctx_attribs", kernel)) return false;
  for (size_t t = 0; t < tasks->size() && t < kernel.tasks.size(); ++t) {
    if (!read_task(r, (*tasks)[t], at_index(path, "tasks_attribs", t), kernel.tasks[t])) return false;
  }
  return r.ok();
}

// Several SNode trees: one root buffer each, named by the Root binds' root_id.
bool read_roots(Reader &r, const json &meta, ModuleMetadata &out) {
  std::vector<uint32_t> sizes;
  if (!r.uint_list(meta, "root_buffer_sizes", "$", sizes, 64)) return false;
  uint64_t first = out.root_buffer_sizes.empty() ? 0 : out.root_buffer_sizes[0];
  if ((sizes.empty() ? 0 : sizes[0]) != first) return r.fail_at("$.root_buffer_sizes", "differs from root_buffer_size"), false;
  out.root_buffer_sizes.assign(sizes.begin(), sizes.end());
  const json *per_kernel = r.array(meta, "kernel_metadata", "$");
  if (!per_kernel) return false;
  if (per_kernel->size() != out.kernels.size()) return r.fail_at("$.kernel_metadata", "one entry per kernel expected"), false;
  for (size_t i = 0; i < per_kernel->size(); ++i) {
    std::string at = at_index("$", "kernel_metadata", i);
    std::vector<uint32_t> used;
    if (!only_keys(r, (*per_kernel)[i], at, {"num_snode_trees", "used_snode_tree_ids"}) ||
        !require_value(r, (*per_kernel)[i], "num_snode_trees", at, static_cast<int64_t>(sizes.size()), "differs from root_buffer_sizes") ||
        !r.uint_list((*per_kernel)[i], "used_snode_tree_ids", at, used, 64)) {
      return false;
    }
    for (uint32_t id : used) {
      if (id >= sizes.size()) return r.fail_at(at + ".used_snode_tree_ids", "names a tree the module does not size"), false;
    }
  }
  return true;
}

bool read_aliases(Reader &r, const json &meta, ModuleMetadata &out) {
  const json *aliases = r.array(meta, "kernel_aliases", "$");
  for (size_t i = 0; aliases && i < aliases->size(); ++i) {
    std::string at = at_index("$", "kernel_aliases", i);
    int64_t index = 0;
    std::string name;
    if (!only_keys(r, (*aliases)[i], at, {"kernel_index", "name"}) || !r.integer((*aliases)[i], "kernel_index", at, 0, static_cast<int64_t>(out.kernels.size()) - 1, index) ||
        !r.string((*aliases)[i], "name", at, name)) {
      return false;
    }
    bool taken = out.kernel_aliases.count(name) > 0;
    for (const KernelInfo &k : out.kernels) taken = taken || k.name == name;
    if (name.empty() || taken) return r.fail_at(at + ".name", "empty, or already the name of a kernel"), false;
    out.kernel_aliases[name] = static_cast<uint32_t>(index);
  }
  return aliases != nullptr;
}

}  // namespace

bool refuse_forge_sparse(Reader &r, const json &meta) {
  const json *resources = r.array(meta, "snode_tree_resources", "$");
  if (!resources || resources->empty()) return resources != nullptr;
  const json &first = (*resources)[0];
  std::string tree = first.is_object() && first.contains("producer_tree_id") && first["producer_tree_id"].is_number_integer()
                         ? "SNode tree " + std::to_string(first["producer_tree_id"].get<int64_t>())
                         : "an SNode tree";
  return r.refuse_at("$.snode_tree_resources", tree + " has sparse SNodes (ti.root.pointer, bitmasked or dynamic): their pools, masks and lists need "
                                                     "Taichi's sparse runtime, which this runtime does not have; place the fields in dense SNodes"),
         false;
}

bool read_forge_metadata(Reader &r, const json &meta, ModuleMetadata &out) {
  if (!only_keys(r, meta, "$",
                 {"metadata_version", "kernels", "kernel_aliases", "kernel_metadata", "fields", "required_caps", "root_buffer_size", "root_buffer_sizes",
                  "snode_tree_resources", "initial_root_data", "device_range_dispatch"})) {
    return false;
  }
  if (!require_value(r, meta, "metadata_version", "$", kForgeMetadataVersion, "this runtime reads taichi-forge 0.7's metadata (version 16)")) return false;
  // Named fields are for Python's field access; the C API has none, so they describe nothing
  // a launch uses.
  if (!r.array(meta, "fields", "$")) return false;
  if (!require_empty(r, meta, "initial_root_data", "$", "root snapshots (forge execution plans) are not supported") ||
      !require_empty(r, meta, "device_range_dispatch", "$", "device-sized dispatches (forge's indirect launches) are not supported")) {
    return false;
  }
  if (!read_roots(r, meta, out) || !read_aliases(r, meta, out)) return false;
  const json &kernels = meta["kernels"];
  for (size_t i = 0; i < kernels.size(); ++i) {
    if (!read_kernel(r, kernels[i], at_index("$", "kernels", i), out.kernels[i])) return false;
  }
  return r.ok();
}

bool read_forge_graphs(Reader &r, const json &graphs) {
  for (size_t g = 0; g < graphs.size(); ++g) {
    std::string at = "$[" + std::to_string(g) + "]";
    if (!only_keys(r, graphs[g], at, {"key", "value"}) || !only_keys(r, graphs[g]["value"], at + ".value", {"dispatches"})) return false;
    const json &dispatches = graphs[g]["value"]["dispatches"];
    for (size_t d = 0; d < dispatches.size(); ++d) {
      std::string dpath = at_index(at + ".value", "dispatches", d);
      if (!only_keys(r, dispatches[d], dpath, {"kernel_name", "symbolic_args"})) return false;
      const json &args = dispatches[d]["symbolic_args"];
      for (size_t a = 0; a < args.size(); ++a) {
        // texture_format repeats the format the dispatched kernel's argument records.
        if (!only_keys(r, args[a], at_index(dpath, "symbolic_args", a), {"dtype_id", "element_shape", "field_dim", "name", "num_channels", "tag", "texture_format"})) return false;
      }
    }
  }
  return r.ok();
}

}  // namespace tiw
