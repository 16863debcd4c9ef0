// Loading AOT modules: files -> metadata -> capability check -> one pipeline per task.
#include "aot_module.h"

#include <cstring>
#include <set>

#include <taichi/taichi_wasm.h>

#include "archive.h"
#include "capabilities.h"
#include "describe.h"
#include "error.h"
#include "heap.h"
#include "registry.h"

namespace tiw {
namespace {

// The C API (1.7) has no call that reads a kernel's return values: a launch could only lose them.
bool check_no_return_values(const ModuleMetadata &meta) {
  for (const KernelInfo &k : meta.kernels) {
    if (k.rets_bytes > 0) {
      return fail(TI_ERROR_INCOMPATIBLE_MODULE, "kernel '%s' returns a value (%u bytes), which the Taichi C API cannot read; write the result into an ndarray instead",
                  k.name.c_str(), k.rets_bytes);
    }
  }
  return true;
}

// Sizes the module declares, against what the device can bind, checked before anything is made:
// a root buffer too large to bind would otherwise be allocated (and zeroed) for nothing.
bool check_sizes(const Runtime &rt, const ModuleMetadata &meta) {
  const VkPhysicalDeviceLimits &limits = rt.properties.limits;
  for (size_t i = 0; i < meta.root_buffer_sizes.size(); ++i) {
    if (meta.root_buffer_sizes[i] > limits.maxStorageBufferRange) {
      // The module is sound; this device cannot bind its fields as one storage buffer.
      return fail(TI_ERROR_INCOMPATIBLE_MODULE,
                  "metadata.json: root_buffer_size %llu (the fields of SNode tree %zu) is more than the device binds as one storage buffer (%u: WebGPU's "
                  "maxStorageBufferBindingSize)",
                  (unsigned long long)meta.root_buffer_sizes[i], i, limits.maxStorageBufferRange);
    }
  }
  for (const KernelInfo &k : meta.kernels) {
    if (k.args_bytes > limits.maxUniformBufferRange) {
      return fail(TI_ERROR_CORRUPTED_DATA, "kernel '%s': %u bytes of arguments are more than the device can bind (maxUniformBufferRange %u)", k.name.c_str(), k.args_bytes,
                  limits.maxUniformBufferRange);
    }
  }
  return true;
}

// Kernels and graphs are found by name, so two of one name would make one of them unreachable
// (and its pipelines unowned).
bool check_unique_names(const ModuleMetadata &meta) {
  std::set<std::string> kernels, graphs;
  for (const KernelInfo &k : meta.kernels)
    if (!kernels.insert(k.name).second) return fail(TI_ERROR_CORRUPTED_DATA, "metadata.json declares kernel '%s' twice", k.name.c_str());
  for (const GraphInfo &g : meta.graphs)
    if (!graphs.insert(g.name).second) return fail(TI_ERROR_CORRUPTED_DATA, "graphs.json declares compute graph '%s' twice", g.name.c_str());
  return true;
}

std::string text_of(const Archive &files, const char *name) {
  auto it = files.find(name);
  return it == files.end() ? std::string() : std::string(it->second.begin(), it->second.end());
}

void destroy_task(Runtime &rt, Task &t) {
  if (t.pipeline) vkDestroyPipeline(rt.device, t.pipeline, nullptr);
  if (t.pipeline_layout) vkDestroyPipelineLayout(rt.device, t.pipeline_layout, nullptr);
  if (t.set_layout) vkDestroyDescriptorSetLayout(rt.device, t.set_layout, nullptr);
  if (t.shader) vkDestroyShaderModule(rt.device, t.shader, nullptr);
  t = Task{};
}

// Everything of a task but its pipeline: the shader module and layouts.
bool prepare_task(Runtime &rt, const Archive &files, const TaskInfo &info, Task &t) {
  t.info = &info;
  auto spv = files.find(info.name + ".spv");
  if (spv == files.end() || spv->second.empty()) return fail(TI_ERROR_CORRUPTED_DATA, "the module lacks %s.spv", info.name.c_str());
  if (spv->second.size() % 4 != 0) return fail(TI_ERROR_CORRUPTED_DATA, "%s.spv is not a whole number of SPIR-V words", info.name.c_str());
  std::vector<uint32_t> words(spv->second.size() / 4);
  std::memcpy(words.data(), spv->second.data(), spv->second.size());
  VkShaderModuleCreateInfo smci{};
  smci.sType = VK_STRUCTURE_TYPE_SHADER_MODULE_CREATE_INFO;
  smci.codeSize = spv->second.size();
  smci.pCode = words.data();
  VkResult r = vkCreateShaderModule(rt.device, &smci, nullptr, &t.shader);
  // A lost device is not the module's fault.
  if (r == VK_ERROR_DEVICE_LOST) return fail_vk(r, "vkCreateShaderModule");
  if (r != VK_SUCCESS) return fail(TI_ERROR_CORRUPTED_DATA, "%s.spv is not valid SPIR-V (VkResult %d)", info.name.c_str(), r);

  std::vector<VkDescriptorSetLayoutBinding> bindings;
  for (const BufferBind &b : info.buffers) {
    VkDescriptorSetLayoutBinding lb{};
    lb.binding = b.binding;
    lb.descriptorType = b.kind == BufferKind::Args ? VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER_DYNAMIC : VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;
    lb.descriptorCount = 1;
    lb.stageFlags = VK_SHADER_STAGE_COMPUTE_BIT;
    bindings.push_back(lb);
  }
  // Taichi declares sampled textures as combined image samplers and rw_textures as storage images.
  for (const TextureBind &tb : info.textures) {
    VkDescriptorSetLayoutBinding lb{};
    lb.binding = tb.binding;
    lb.descriptorType = tb.is_storage ? VK_DESCRIPTOR_TYPE_STORAGE_IMAGE : VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER;
    lb.descriptorCount = 1;
    lb.stageFlags = VK_SHADER_STAGE_COMPUTE_BIT;
    bindings.push_back(lb);
  }
  VkDescriptorSetLayoutCreateInfo dslci{};
  dslci.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO;
  dslci.bindingCount = static_cast<uint32_t>(bindings.size());
  dslci.pBindings = bindings.data();
  r = vkCreateDescriptorSetLayout(rt.device, &dslci, nullptr, &t.set_layout);
  if (r != VK_SUCCESS) return fail_vk(r, "vkCreateDescriptorSetLayout");
  VkPipelineLayoutCreateInfo plci{};
  plci.sType = VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO;
  plci.setLayoutCount = 1;
  plci.pSetLayouts = &t.set_layout;
  r = vkCreatePipelineLayout(rt.device, &plci, nullptr, &t.pipeline_layout);
  if (r != VK_SUCCESS) return fail_vk(r, "vkCreatePipelineLayout");
  return true;
}

VkComputePipelineCreateInfo pipeline_info(const Task &t) {
  VkComputePipelineCreateInfo cpci{};
  cpci.sType = VK_STRUCTURE_TYPE_COMPUTE_PIPELINE_CREATE_INFO;
  cpci.stage.sType = VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO;
  cpci.stage.stage = VK_SHADER_STAGE_COMPUTE_BIT;
  cpci.stage.module = t.shader;
  cpci.stage.pName = "main";
  cpci.layout = t.pipeline_layout;
  return cpci;
}

// One task's pipeline, with the error that names the task.
bool create_pipeline(Runtime &rt, Task &t) {
  const TaskInfo &info = *t.info;
  VkComputePipelineCreateInfo cpci = pipeline_info(t);
  rt.shim_error.clear();
  VkResult r = vkCreateComputePipelines(rt.device, VK_NULL_HANDLE, 1, &cpci, nullptr, &t.pipeline);
  if (r == VK_ERROR_DEVICE_LOST) return fail_vk(r, "vkCreateComputePipelines");
  // A deterministic device refuses a shader whose results depend on its workgroup (the reason
  // came through the runtime's debug messenger).
  if (r == VK_ERROR_FEATURE_NOT_PRESENT && rt.deterministic) {
    t.refusal = rt.shim_error.empty() ? std::string("the shim cannot run it on one invocation in index order") : rt.shim_error;
    t.pipeline = VK_NULL_HANDLE;
    return true;
  }
  // The shim answers INVALID_SHADER for SPIR-V it cannot read (its message names the instruction).
  if (r == VK_ERROR_INVALID_SHADER_NV) return fail(TI_ERROR_CORRUPTED_DATA, "task %s: %s.spv is not valid SPIR-V", info.name.c_str(), info.name.c_str());
  // EXTENSION_NOT_PRESENT: valid SPIR-V that WGSL cannot express (a 64-bit type: Taichi 1.7 can
  // write one even where the module's required_caps do not say so).
  if (r == VK_ERROR_EXTENSION_NOT_PRESENT) {
    return fail(TI_ERROR_INCOMPATIBLE_MODULE, "task %s: its shader uses what WGSL cannot express on this device (the shim's reason follows)", info.name.c_str());
  }
  if (r != VK_SUCCESS) return fail(TI_ERROR_INVALID_STATE, "task %s: the shader could not become a WebGPU pipeline (VkResult %d)", info.name.c_str(), r);
  return true;
}

// Every task's pipeline in one vkCreateComputePipelines, which the shim compiles in parallel
// with one wait for the batch. A batch that fails is made again task by task, so the error
// names its task (and a deterministic device's refusals stay per task).
bool create_pipelines(Runtime &rt, const std::vector<Task *> &tasks) {
  if (tasks.size() > 1) {
    std::vector<VkComputePipelineCreateInfo> infos;
    for (const Task *t : tasks) infos.push_back(pipeline_info(*t));
    std::vector<VkPipeline> pipelines(tasks.size(), VK_NULL_HANDLE);
    VkResult r = vkCreateComputePipelines(rt.device, VK_NULL_HANDLE, static_cast<uint32_t>(infos.size()), infos.data(), nullptr, pipelines.data());
    if (r == VK_ERROR_DEVICE_LOST) return fail_vk(r, "vkCreateComputePipelines");
    if (r == VK_SUCCESS) {
      for (size_t i = 0; i < tasks.size(); ++i) tasks[i]->pipeline = pipelines[i];
      return true;
    }
    for (VkPipeline p : pipelines)
      if (p) vkDestroyPipeline(rt.device, p, nullptr);
  }
  for (Task *t : tasks)
    if (!create_pipeline(rt, *t)) return false;
  return true;
}

void destroy_module(Runtime *rt, uint32_t handle) {
  std::unique_ptr<AotModule> module = registry().modules.remove(handle);
  if (!module) return;
  for (auto &kv : module->kernels) {
    std::unique_ptr<Kernel> kernel = registry().kernels.remove(kv.second);
    if (kernel && rt) {
      for (Task &t : kernel->tasks) destroy_task(*rt, t);
    }
  }
  for (auto &kv : module->graphs) registry().graphs.remove(kv.second);
  if (rt) {
    for (VkDescriptorPool p : module->pools) vkDestroyDescriptorPool(rt->device, p, nullptr);
    for (DeviceBuffer &root : module->roots) rt->destroy_buffer(root);
  }
}

// Every graph dispatch names a kernel or a kernel alias of the module. Checked before anything is
// made, so the message quotes names that are still alive.
bool check_graph_kernels(const ModuleMetadata &meta) {
  for (const GraphInfo &g : meta.graphs) {
    for (const GraphDispatch &d : g.dispatches) {
      bool found = meta.kernel_aliases.count(d.kernel) > 0;
      for (const KernelInfo &k : meta.kernels) found = found || k.name == d.kernel;
      if (!found) return fail(TI_ERROR_CORRUPTED_DATA, "graph '%s' dispatches kernel '%s', which the module lacks", g.name.c_str(), d.kernel.c_str());
    }
  }
  return true;
}

// Shared arrays live in workgroup memory, which the device bounds.
bool check_shared_memory(const Runtime &rt, const ModuleMetadata &meta) {
  uint32_t limit = rt.properties.limits.maxComputeSharedMemorySize;
  for (const KernelInfo &k : meta.kernels) {
    for (const TaskInfo &t : k.tasks) {
      if (t.shared_bytes > limit) {
        return fail(TI_ERROR_INCOMPATIBLE_MODULE, "task %s of kernel '%s': static_shared_array_bytes %u exceeds the device's %u bytes of workgroup memory", t.name.c_str(),
                    k.name.c_str(), t.shared_bytes, limit);
      }
    }
  }
  return true;
}

// WebGPU bounds the resources of one shader stage (maxStorageBuffersPerShaderStage is 8 unless the
// device was created with more; the runtime asks for the adapter's own limit). A task over more
// ndarrays than that would fail as a pipeline WebGPU rejects, with no word of the limit.
bool check_bindings(const Runtime &rt, const ModuleMetadata &meta) {
  const VkPhysicalDeviceLimits &limits = rt.properties.limits;
  for (const KernelInfo &k : meta.kernels) {
    for (const TaskInfo &t : k.tasks) {
      uint32_t buffers = 0, storage_images = 0, sampled = 0;
      for (const BufferBind &b : t.buffers) buffers += b.kind == BufferKind::Args ? 0 : 1;
      for (const TextureBind &tb : t.textures) (tb.is_storage ? storage_images : sampled) += 1;
      struct Count {
        uint32_t used, limit;
        const char *what, *webgpu;
      } counts[] = {
          {buffers, limits.maxPerStageDescriptorStorageBuffers, "storage buffers (its ndarrays, SNode root buffers and Taichi's temporaries)", "maxStorageBuffersPerShaderStage"},
          {storage_images, limits.maxPerStageDescriptorStorageImages, "rw_textures", "maxStorageTexturesPerShaderStage"},
          {sampled, limits.maxPerStageDescriptorSampledImages, "sampled textures", "maxSampledTexturesPerShaderStage"},
      };
      for (const Count &c : counts) {
        if (c.used > c.limit) {
          return fail(TI_ERROR_INCOMPATIBLE_MODULE,
                      "task %s of kernel '%s' binds %u %s, but this device allows %u in a shader stage (WebGPU's %s; a device the runtime creates gets the "
                      "adapter's own limit): pass fewer of them to one loop",
                      t.name.c_str(), k.name.c_str(), c.used, c.what, c.limit, c.webgpu);
        }
      }
    }
  }
  return true;
}

// A kernel's handle bits by its name or one of forge's aliases; 0 when there is none.
uint32_t find_kernel(const AotModule &m, const std::string &name) {
  auto it = m.kernels.find(name);
  if (it != m.kernels.end()) return it->second;
  it = m.aliases.find(name);
  return it == m.aliases.end() ? 0 : it->second;
}

TiAotModule load(TiRuntime runtime, Runtime &rt, const Archive &files) {
  auto module = std::make_unique<AotModule>();
  module->runtime = runtime;
  if (!read_metadata(files, module->metadata)) return TI_NULL_HANDLE;
  if (!check_capabilities(rt, module->metadata) || !check_no_return_values(module->metadata) || !check_graph_kernels(module->metadata) ||
      !check_shared_memory(rt, module->metadata) || !check_bindings(rt, module->metadata)) {
    return TI_NULL_HANDLE;
  }
  if (!check_unique_names(module->metadata) || !check_sizes(rt, module->metadata)) return TI_NULL_HANDLE;
  // Room for every handle is checked first, so the inserts below cannot fail halfway.
  Registry &reg = registry();
  if (reg.modules.room() < 1) return fail_table_full(reg.modules), nullptr;
  if (reg.kernels.room() < module->metadata.kernels.size()) return fail_table_full(reg.kernels), nullptr;
  if (reg.graphs.room() < module->metadata.graphs.size()) return fail_table_full(reg.graphs), nullptr;
  // Pipelines are made before the module gets a handle, so a failure leaves nothing behind.
  std::vector<std::unique_ptr<Kernel>> kernels;
  std::vector<Task *> tasks;
  bool ok = true;
  for (const KernelInfo &k : module->metadata.kernels) {
    auto kernel = std::make_unique<Kernel>();
    kernel->info = &k;
    kernel->tasks.resize(k.tasks.size());
    for (size_t i = 0; ok && i < k.tasks.size(); ++i) {
      ok = prepare_task(rt, files, k.tasks[i], kernel->tasks[i]);
      if (ok) tasks.push_back(&kernel->tasks[i]);
    }
    kernels.push_back(std::move(kernel));
    if (!ok) break;
  }
  if (!ok || !create_pipelines(rt, tasks)) {
    for (auto &made : kernels)
      for (Task &t : made->tasks) destroy_task(rt, t);
    return TI_NULL_HANDLE;
  }
  module->roots.resize(module->metadata.root_buffer_sizes.size());
  for (size_t i = 0; i < module->roots.size(); ++i) {
    uint64_t size = module->metadata.root_buffer_sizes[i];
    if (size > 0 && !rt.shared_buffer(module->roots[i], size, false)) {
      for (auto &made : kernels)
        for (Task &t : made->tasks) destroy_task(rt, t);
      for (DeviceBuffer &root : module->roots) rt.destroy_buffer(root);
      return TI_NULL_HANDLE;
    }
  }
  AotModule &ref = *module;
  uint32_t handle = reg.modules.insert(module);
  for (auto &kernel : kernels) {
    kernel->module = make_handle<TiAotModule>(handle);
    std::string name = kernel->info->name;
    ref.kernels[name] = reg.kernels.insert(kernel);
  }
  for (const auto &alias : ref.metadata.kernel_aliases) ref.aliases[alias.first] = ref.kernels[ref.metadata.kernels[alias.second].name];
  for (const GraphInfo &g : ref.metadata.graphs) {
    auto graph = std::make_unique<ComputeGraph>();
    graph->module = make_handle<TiAotModule>(handle);
    graph->info = &g;
    for (const GraphDispatch &d : g.dispatches) graph->kernels.push_back(reg.kernels.get(find_kernel(ref, d.kernel)));
    ref.graphs[g.name] = reg.graphs.insert(graph);
  }
  return make_handle<TiAotModule>(handle);
}

AotModule *lookup_module(TiAotModule module) { return lookup(registry().modules, module, "aot_module"); }

}  // namespace

bool read_metadata(const Archive &files, ModuleMetadata &meta) {
  if (files.count("metadata.tcb") || (files.count("metadata.json") == 0 && files.count("graphs.tcb"))) {
    return fail(TI_ERROR_INCOMPATIBLE_MODULE, "this module is in the Taichi 1.4 format (metadata.tcb); re-export it with Taichi 1.5 or later");
  }
  if (!files.count("metadata.json")) return fail(TI_ERROR_CORRUPTED_DATA, "the module has no metadata.json");
  auto graphs_file = files.find("graphs.json");
  meta.source_bytes = files.find("metadata.json")->second.size() + (graphs_file == files.end() ? 0 : graphs_file->second.size());
  if (!heap_room(meta.source_bytes * kJsonHeapPerByte, "the module's metadata once parsed")) return false;
  std::string graphs = graphs_file != files.end() ? text_of(files, "graphs.json") : "[]";
  return parse_metadata(text_of(files, "metadata.json"), graphs, meta);
}

void destroy_modules_of(TiRuntime runtime) {
  Runtime *rt = registry().runtimes.get(handle_bits(runtime));
  std::vector<uint32_t> doomed;
  registry().modules.for_each([&](uint32_t handle, AotModule &m) {
    if (m.runtime == runtime) doomed.push_back(handle);
  });
  for (uint32_t h : doomed) destroy_module(rt, h);
}

void forget_bound_object(TiRuntime runtime, uint64_t object) {
  Runtime *rt = registry().runtimes.get(handle_bits(runtime));
  if (!rt) return;
  registry().kernels.for_each([&](uint32_t, Kernel &k) {
    AotModule *m = registry().modules.get(handle_bits(k.module));
    if (!m || m->runtime != runtime) return;
    for (Task &t : k.tasks) {
      for (auto it = t.sets.begin(); it != t.sets.end();) {
        bool uses = false;
        for (uint64_t bound : it->first) uses = uses || bound == object;
        if (!uses) {
          ++it;
          continue;
        }
        // Everything recorded so far may still use the set: it waits for those lists.
        t.spare_sets.push_back({it->second, rt->list.serial()});
        it = t.sets.erase(it);
      }
    }
  });
}

}  // namespace tiw

using namespace tiw;

extern "C" {

TiAotModule ti_load_aot_module(TiRuntime runtime, const char *module_path) {
  TIW_HEAP_READY(TI_NULL_HANDLE);
  Runtime *rt = lookup_runtime(runtime);
  if (!rt) return TI_NULL_HANDLE;
  TIW_CHECK_NULL(module_path, TI_NULL_HANDLE);
  Archive files;
  if (!archive_from_path(module_path, files)) return TI_NULL_HANDLE;
  return load(runtime, *rt, files);
}

TiAotModule ti_create_aot_module(TiRuntime runtime, const void *tcm, uint64_t size) {
  TIW_HEAP_READY(TI_NULL_HANDLE);
  Runtime *rt = lookup_runtime(runtime);
  if (!rt) return TI_NULL_HANDLE;
  TIW_CHECK_NULL(tcm, TI_NULL_HANDLE);
  Archive files;
  if (!archive_from_bytes(tcm, size, files)) return TI_NULL_HANDLE;
  return load(runtime, *rt, files);
}

void ti_destroy_aot_module(TiAotModule aot_module) {
  AotModule *m = lookup_module(aot_module);
  if (!m) return;
  Runtime *rt = registry().runtimes.get(handle_bits(m->runtime));
  // Recorded launches may still use the pipelines: submit and finish them first.
  if (rt && !rt->wait()) return;
  destroy_module(rt, handle_bits(aot_module));
}

TiKernel ti_get_aot_module_kernel(TiAotModule aot_module, const char *name) {
  TIW_HEAP_READY(TI_NULL_HANDLE);
  AotModule *m = lookup_module(aot_module);
  if (!m) return TI_NULL_HANDLE;
  TIW_CHECK_NULL(name, TI_NULL_HANDLE);
  if (!heap_room(std::strlen(name) + 1, "the kernel name")) return TI_NULL_HANDLE;
  uint32_t kernel = find_kernel(*m, name);
  if (kernel == 0) {
    fail(TI_ERROR_NAME_NOT_FOUND, "no kernel named '%s'", name);
    return TI_NULL_HANDLE;
  }
  return make_handle<TiKernel>(kernel);
}

TiComputeGraph ti_get_aot_module_compute_graph(TiAotModule aot_module, const char *name) {
  TIW_HEAP_READY(TI_NULL_HANDLE);
  AotModule *m = lookup_module(aot_module);
  if (!m) return TI_NULL_HANDLE;
  TIW_CHECK_NULL(name, TI_NULL_HANDLE);
  if (!heap_room(std::strlen(name) + 1, "the compute graph name")) return TI_NULL_HANDLE;
  auto it = m->graphs.find(name);
  if (it == m->graphs.end()) {
    fail(TI_ERROR_NAME_NOT_FOUND, "no compute graph named '%s'", name);
    return TI_NULL_HANDLE;
  }
  return make_handle<TiComputeGraph>(it->second);
}

uint64_t ti_describe_aot_module_ext(TiAotModule aot_module, char *json, uint64_t capacity) {
  TIW_HEAP_READY(0);
  AotModule *m = lookup_module(aot_module);
  if (!m) return 0;
  return describe_module(m->metadata, json, capacity);
}

}  // extern "C"
