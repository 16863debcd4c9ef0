// Descriptions of a module's kernels and compute graphs as JSON: of a loaded module, and of an
// archive read without a runtime (so tools can list a module on a machine with no GPU).
#include "describe.h"

#include <algorithm>
#include <cstring>

#include <nlohmann/json.hpp>
#include <taichi/taichi_wasm.h>

#include "aot_module.h"
#include "error.h"
#include "heap.h"

namespace tiw {
namespace {

nlohmann::json describe_arg(const std::string &name, const ArgInfo &a) {
  static const char *const kKinds[] = {"scalar", "ndarray", "texture", "rw_texture", "tensor"};
  return nlohmann::json{{"name", name}, {"kind", kKinds[static_cast<int>(a.kind)]}, {"dtype", data_type_name(a.dtype)}, {"ndim", a.field_dim}, {"elementShape", a.element_shape}};
}

nlohmann::json describe_kernel(const std::string &name, const KernelInfo &k) {
  nlohmann::json args = nlohmann::json::array();
  for (const ArgInfo &a : k.args) args.push_back(describe_arg(a.name, a));
  return nlohmann::json{{"name", name}, {"args", args}};
}

// The kernel a graph dispatch names, by its name or one of forge's aliases.
const KernelInfo *dispatched(const ModuleMetadata &meta, const std::string &name) {
  for (const KernelInfo &k : meta.kernels) {
    if (k.name == name) return &k;
  }
  auto alias = meta.kernel_aliases.find(name);
  return alias == meta.kernel_aliases.end() ? nullptr : &meta.kernels[alias->second];
}

// A graph's arguments are its symbolic names, typed by the first kernel parameter each one feeds.
nlohmann::json describe(const ModuleMetadata &meta) {
  nlohmann::json kernels = nlohmann::json::array();
  for (const KernelInfo &k : meta.kernels) kernels.push_back(describe_kernel(k.name, k));
  for (const auto &alias : meta.kernel_aliases) kernels.push_back(describe_kernel(alias.first, meta.kernels[alias.second]));
  nlohmann::json graphs = nlohmann::json::array();
  for (const GraphInfo &g : meta.graphs) {
    nlohmann::json args = nlohmann::json::array();
    std::vector<std::string> seen;
    for (const GraphDispatch &d : g.dispatches) {
      const KernelInfo *k = dispatched(meta, d.kernel);
      if (!k) continue;
      for (size_t i = 0; i < d.args.size() && i < k->args.size(); ++i) {
        if (std::find(seen.begin(), seen.end(), d.args[i].name) != seen.end()) continue;
        seen.push_back(d.args[i].name);
        args.push_back(describe_arg(d.args[i].name, k->args[i]));
      }
    }
    graphs.push_back({{"name", g.name}, {"dispatches", g.dispatches.size()}, {"args", args}});
  }
  return nlohmann::json{{"kernels", kernels}, {"graphs", graphs}};
}

}  // namespace

uint64_t describe_module(const ModuleMetadata &meta, char *json, uint64_t capacity) {
  if (!heap_room(meta.source_bytes * kJsonHeapPerByte, "the module's description")) return 0;
  std::string text = describe(meta).dump();
  if (json != nullptr && capacity > 0) {
    size_t n = std::min<uint64_t>(text.size(), capacity - 1);
    std::memcpy(json, text.data(), n);
    json[n] = '\0';
  }
  return text.size() + 1;
}

}  // namespace tiw

using namespace tiw;

extern "C" {

uint64_t ti_describe_aot_archive_ext(const void *tcm, uint64_t size, char *json, uint64_t capacity) {
  TIW_HEAP_READY(0);
  TIW_CHECK_NULL(tcm, 0);
  Archive files;
  ModuleMetadata meta;
  if (!archive_from_bytes(tcm, size, files) || !read_metadata(files, meta)) return 0;
  return describe_module(meta, json, capacity);
}

}  // extern "C"
