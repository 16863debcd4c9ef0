// The native anchor: the same .tcm modules and workloads as the TypeScript benchmarks, run by
// Taichi's own C runtime (libtaichi_c_api.so from the taichi wheel) on native Vulkan.
//
//   native_bench launch  MODULE LAUNCHES REPS    fill on 32x32 f32, LAUNCHES between two waits
//   native_bench latency MODULE ITERS            launch, wait, read 4 bytes; ITERS times
//   native_bench fill    MODULE BYTES LAUNCHES REPS
//   native_bench matmul  MODULE N LAUNCHES REPS
//   native_bench load    MODULE WARM_LOADS [k:KERNEL|g:GRAPH ...]   load, and get each kernel and graph
//   native_bench graph   MODULE INIT STEP UPDATES REPS CHECK ARG...
//       launches graph INIT once (- for none), then STEP UPDATES times per timing; each ARG is
//       nd:NAME:f32|i32:D0xD1...[:E0xE1...] (a zeroed ndarray) or f32:NAME:V / i32:NAME:V; CHECK
//       names the f32 ndarray whose sum and finiteness are reported
//
// Each prints one JSON object on stdout: the timings in milliseconds (or microseconds where the
// key says so), a check of the results, and the process's peak resident memory. Timing is the
// TS benchmarks' own method: the host clock around the launches and the final wait. Where the
// memory-counting layer (vk_memory_layer.cpp) is enabled, it also prints the peak of the device
// memory the process held (every vkAllocateMemory, the runtime's own too).
#include <dlfcn.h>
#include <taichi/taichi_core.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

namespace {

double now_ms() {
  using namespace std::chrono;
  return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

[[noreturn]] void die(const std::string &what) {
  std::fprintf(stderr, "native_bench: %s\n", what.c_str());
  std::exit(1);
}

void check(const char *what) {
  uint64_t size = 0;
  TiError error = ti_get_last_error(&size, nullptr);
  if (error >= TI_ERROR_SUCCESS) return;
  std::string message(size, '\0');
  ti_get_last_error(&size, message.data());
  die(std::string(what) + ": error " + std::to_string(error) + " " + message.c_str());
}

// Peak resident set size in KiB, from /proc/self/status.
long peak_rss_kib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::atol(line.c_str() + 6);
  }
  return -1;
}

// The layer's counters, as a JSON fragment; empty when the layer is not loaded.
std::string vk_memory_json() {
  void *layer = dlopen("libtaichi_bench_vk_memory.so", RTLD_NOW | RTLD_NOLOAD);
  if (!layer) return "";
  using Read = void (*)(uint64_t *, uint64_t *, uint64_t *);
  auto read = reinterpret_cast<Read>(dlsym(layer, "taichi_bench_vk_memory"));
  std::string json;
  if (read) {
    uint64_t live = 0, peak = 0, count = 0;
    read(&live, &peak, &count);
    json = ",\"vkPeakBytes\":" + std::to_string(peak) + ",\"vkAllocations\":" + std::to_string(count);
  }
  dlclose(layer);
  return json;
}

std::vector<uint8_t> read_file(const char *path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) die(std::string("cannot read ") + path);
  return std::vector<uint8_t>((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
}

std::string json_list(const std::vector<double> &values) {
  std::string s = "[";
  for (size_t i = 0; i < values.size(); ++i) s += (i ? "," : "") + std::to_string(values[i]);
  return s + "]";
}

struct Context {
  TiRuntime runtime = TI_NULL_HANDLE;
  uint64_t device_bytes = 0;  // what this program allocated with ti_allocate_memory
  TiMemory staging = TI_NULL_HANDLE;

  Context() {
    runtime = ti_create_runtime(TI_ARCH_VULKAN, 0);
    check("ti_create_runtime");
  }
  ~Context() { ti_destroy_runtime(runtime); }

  TiAotModule load(const std::vector<uint8_t> &bytes) {
    TiAotModule m = ti_create_aot_module(runtime, bytes.data(), bytes.size());
    check("ti_create_aot_module");
    return m;
  }

  TiMemory allocate(uint64_t size, bool host_read) {
    TiMemoryAllocateInfo info{};
    info.size = size;
    info.host_read = host_read ? TI_TRUE : TI_FALSE;
    info.usage = TI_MEMORY_USAGE_STORAGE_BIT;
    TiMemory m = ti_allocate_memory(runtime, &info);
    check("ti_allocate_memory");
    device_bytes += size;
    return m;
  }

  TiNdArray ndarray(std::initializer_list<uint32_t> shape, std::initializer_list<uint32_t> elem) {
    TiNdArray nd{};
    uint64_t count = 1;
    for (uint32_t d : shape) nd.shape.dims[nd.shape.dim_count++] = d, count *= d;
    for (uint32_t d : elem) nd.elem_shape.dims[nd.elem_shape.dim_count++] = d, count *= d;
    nd.elem_type = TI_DATA_TYPE_F32;
    nd.memory = allocate(count * 4, false);
    return nd;
  }

  void wait() {
    ti_wait(runtime);
    check("ti_wait");
  }

  // Four bytes of device memory through a small host-readable copy, as the TS benchmarks read.
  float read_float(TiMemory memory, uint64_t offset) {
    if (staging == TI_NULL_HANDLE) staging = allocate(4, true);
    TiMemorySlice src{memory, offset, 4}, dst{staging, 0, 4};
    ti_copy_memory_device_to_device(runtime, &dst, &src);
    wait();
    const void *p = ti_map_memory(runtime, staging);
    check("ti_map_memory");
    float v;
    std::memcpy(&v, p, 4);
    ti_unmap_memory(runtime, staging);
    return v;
  }

  void print_footer(std::string &json) {
    json += ",\"peakRssKiB\":" + std::to_string(peak_rss_kib()) + ",\"deviceBytes\":" + std::to_string(device_bytes) + vk_memory_json() + "}";
    std::printf("%s\n", json.c_str());
  }
};

TiArgument nd_arg(const TiNdArray &nd) {
  TiArgument a{};
  a.type = TI_ARGUMENT_TYPE_NDARRAY;
  a.value.ndarray = nd;
  return a;
}

TiArgument f32_arg(float v) {
  TiArgument a{};
  a.type = TI_ARGUMENT_TYPE_F32;
  a.value.f32 = v;
  return a;
}

TiNamedArgument named(const char *name, TiArgument a) { return TiNamedArgument{name, a}; }

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// Launches of fill(a, i) on a 32x32 array: host time to record them, and until the device is done.
void bench_launch(const char *path, int launches, int reps) {
  Context ctx;
  TiAotModule mod = ctx.load(read_file(path));
  TiKernel fill = ti_get_aot_module_kernel(mod, "fill");
  check("fill");
  TiNdArray a = ctx.ndarray({32, 32}, {});
  TiArgument args[2] = {nd_arg(a), f32_arg(0)};
  auto measure = [&](int n, std::vector<double> *record, std::vector<double> *total) {
    ctx.wait();
    double t0 = now_ms();
    for (int i = 0; i < n; ++i) {
      args[1].value.f32 = static_cast<float>(i);
      ti_launch_kernel(ctx.runtime, fill, 2, args);
    }
    double t1 = now_ms();
    ctx.wait();
    double t2 = now_ms();
    if (record) record->push_back((t1 - t0) * 1000 / n);
    if (total) total->push_back((t2 - t0) * 1000 / n);
  };
  for (int w = 0; w < 2; ++w) measure(std::min(launches, 1000), nullptr, nullptr);
  std::vector<double> record, total;
  for (int r = 0; r < reps; ++r) measure(launches, &record, &total);
  bool ok = ctx.read_float(a.memory, 0) == static_cast<float>(launches - 1);
  std::string json = "{\"workload\":\"launch\",\"launches\":" + std::to_string(launches) + ",\"recordUs\":" + json_list(record) +
                     ",\"totalUs\":" + json_list(total) + ",\"check\":\"" + (ok ? "ok" : "WRONG") + "\"";
  ti_destroy_aot_module(mod);
  ctx.print_footer(json);
}

// One launch, a wait and a 4-byte read, ITERS times: the round trip an interactive program makes.
void bench_latency(const char *path, int iters) {
  Context ctx;
  TiAotModule mod = ctx.load(read_file(path));
  TiKernel fill = ti_get_aot_module_kernel(mod, "fill");
  check("fill");
  TiNdArray a = ctx.ndarray({32, 32}, {});
  TiArgument args[2] = {nd_arg(a), f32_arg(0)};
  std::vector<double> us;
  bool ok = true;
  for (int i = 0; i < iters + 20; ++i) {
    args[1].value.f32 = static_cast<float>(i);
    double t0 = now_ms();
    ti_launch_kernel(ctx.runtime, fill, 2, args);
    ctx.wait();
    float v = ctx.read_float(a.memory, 0);
    double t1 = now_ms();
    ok = ok && v == static_cast<float>(i);
    if (i >= 20) us.push_back((t1 - t0) * 1000);  // the first 20 warm up
  }
  std::string json = "{\"workload\":\"latency\",\"iters\":" + std::to_string(iters) + ",\"medianUs\":" + std::to_string(median(us)) +
                     ",\"minUs\":" + std::to_string(*std::min_element(us.begin(), us.end())) + ",\"check\":\"" + (ok ? "ok" : "WRONG") + "\"";
  ti_destroy_aot_module(mod);
  ctx.print_footer(json);
}

// fill over BYTES of f32 in rows of 1024, LAUNCHES per timing, REPS timings.
void bench_fill(const char *path, uint64_t bytes, int launches, int reps) {
  Context ctx;
  TiAotModule mod = ctx.load(read_file(path));
  TiKernel fill = ti_get_aot_module_kernel(mod, "fill");
  check("fill");
  uint32_t rows = static_cast<uint32_t>(bytes / 4 / 1024);
  TiNdArray a = ctx.ndarray({rows, 1024}, {});
  TiArgument args[2] = {nd_arg(a), f32_arg(1.5f)};
  auto timing = [&]() {
    ctx.wait();
    double t0 = now_ms();
    for (int i = 0; i < launches; ++i) ti_launch_kernel(ctx.runtime, fill, 2, args);
    ctx.wait();
    return now_ms() - t0;
  };
  timing();
  std::vector<double> ms;
  for (int r = 0; r < reps; ++r) ms.push_back(timing());
  bool ok = ctx.read_float(a.memory, 0) == 1.5f && ctx.read_float(a.memory, bytes - 4) == 1.5f;
  double gbs = bytes * static_cast<double>(launches) / (median(ms) * 1e6);
  std::string json = "{\"workload\":\"fill\",\"bytes\":" + std::to_string(bytes) + ",\"launches\":" + std::to_string(launches) + ",\"ms\":" + json_list(ms) +
                     ",\"GBs\":" + std::to_string(gbs) + ",\"check\":\"" + (ok ? "ok" : "WRONG") + "\"";
  ti_destroy_aot_module(mod);
  ctx.print_footer(json);
}

// matmul(a, b, c) of N x N f32 matrices (a and b filled with 1, so every c element is N).
void bench_matmul(const char *path, uint32_t n, int launches, int reps) {
  Context ctx;
  TiAotModule mod = ctx.load(read_file(path));
  TiKernel fill = ti_get_aot_module_kernel(mod, "fill");
  TiKernel matmul = ti_get_aot_module_kernel(mod, "matmul");
  check("kernels");
  TiNdArray a = ctx.ndarray({n, n}, {}), b = ctx.ndarray({n, n}, {}), c = ctx.ndarray({n, n}, {});
  TiArgument fa[2] = {nd_arg(a), f32_arg(1)}, fb[2] = {nd_arg(b), f32_arg(1)};
  ti_launch_kernel(ctx.runtime, fill, 2, fa);
  ti_launch_kernel(ctx.runtime, fill, 2, fb);
  TiArgument args[3] = {nd_arg(a), nd_arg(b), nd_arg(c)};
  auto timing = [&]() {
    ctx.wait();
    double t0 = now_ms();
    for (int i = 0; i < launches; ++i) ti_launch_kernel(ctx.runtime, matmul, 3, args);
    ctx.wait();
    return now_ms() - t0;
  };
  timing();
  std::vector<double> ms;
  for (int r = 0; r < reps; ++r) ms.push_back(timing());
  bool ok = ctx.read_float(c.memory, 0) == static_cast<float>(n) && ctx.read_float(c.memory, (uint64_t)n * n * 4 - 4) == static_cast<float>(n);
  double gflops = 2.0 * n * n * n * launches / (median(ms) * 1e6);
  std::string json = "{\"workload\":\"matmul\",\"n\":" + std::to_string(n) + ",\"launches\":" + std::to_string(launches) + ",\"ms\":" + json_list(ms) +
                     ",\"GFLOPs\":" + std::to_string(gflops) + ",\"check\":\"" + (ok ? "ok" : "WRONG") + "\"";
  ti_destroy_aot_module(mod);
  ctx.print_footer(json);
}

// Loading the module from bytes: the first load in the process (cold) and WARM later loads. Each
// load also gets the kernels and graphs named (k:NAME, g:NAME), which is where Taichi's runtime
// builds their pipelines, so both runtimes count pipeline creation.
void bench_load(const char *path, int warm, const std::vector<std::string> &names) {
  Context ctx;
  std::vector<uint8_t> bytes = read_file(path);
  std::vector<double> ms;
  for (int i = 0; i < 1 + warm; ++i) {
    double t0 = now_ms();
    TiAotModule mod = ctx.load(bytes);
    for (const std::string &n : names) {
      if (n.rfind("k:", 0) == 0) ti_get_aot_module_kernel(mod, n.c_str() + 2);
      else ti_get_aot_module_compute_graph(mod, n.c_str() + 2);
      check(n.c_str());
    }
    ms.push_back(now_ms() - t0);
    ti_destroy_aot_module(mod);
  }
  std::vector<double> later(ms.begin() + 1, ms.end());
  std::string json = "{\"workload\":\"load\",\"bytes\":" + std::to_string(bytes.size()) + ",\"coldMs\":" + std::to_string(ms[0]) +
                     ",\"warmMs\":" + std::to_string(later.empty() ? ms[0] : median(later)) + ",\"check\":\"ok\"";
  ctx.print_footer(json);
}

std::vector<uint32_t> dims(const std::string &text) {
  std::vector<uint32_t> out;
  size_t at = 0;
  while (at < text.size()) {
    size_t x = text.find('x', at);
    if (x == std::string::npos) x = text.size();
    out.push_back(static_cast<uint32_t>(std::stoul(text.substr(at, x - at))));
    at = x + 1;
  }
  return out;
}

std::vector<std::string> split(const std::string &text, char sep) {
  std::vector<std::string> parts;
  size_t at = 0;
  for (size_t i; (i = text.find(sep, at)) != std::string::npos; at = i + 1) parts.push_back(text.substr(at, i - at));
  parts.push_back(text.substr(at));
  return parts;
}

// Any compute graph of a module, on arguments given on the command line (see the header).
void bench_graph(const char *path, const std::string &init_name, const char *step_name, int updates, int reps, const std::string &check_name,
                 const std::vector<std::string> &specs) {
  Context ctx;
  TiAotModule mod = ctx.load(read_file(path));
  TiComputeGraph step = ti_get_aot_module_compute_graph(mod, step_name);
  check(step_name);
  std::vector<std::string> names;
  std::vector<TiArgument> values;
  TiNdArray checked{};
  for (const std::string &spec : specs) {
    std::vector<std::string> p = split(spec, ':');
    if (p.size() < 3) die("bad argument " + spec);
    TiArgument a{};
    if (p[0] == "nd") {
      if (p.size() < 4) die("bad ndarray argument " + spec);
      TiNdArray nd{};
      uint64_t count = 1;
      for (uint32_t d : dims(p[3])) nd.shape.dims[nd.shape.dim_count++] = d, count *= d;
      if (p.size() > 4) for (uint32_t d : dims(p[4])) nd.elem_shape.dims[nd.elem_shape.dim_count++] = d, count *= d;
      nd.elem_type = p[2] == "i32" ? TI_DATA_TYPE_I32 : TI_DATA_TYPE_F32;
      nd.memory = ctx.allocate(count * 4, false);
      a = nd_arg(nd);
      if (p[1] == check_name) checked = nd;
    } else if (p[0] == "f32") {
      a = f32_arg(std::stof(p[2]));
    } else if (p[0] == "i32") {
      a.type = TI_ARGUMENT_TYPE_I32;
      a.value.i32 = std::stoi(p[2]);
    } else {
      die("bad argument " + spec);
    }
    names.push_back(p[1]);
    values.push_back(a);
  }
  if (checked.memory == TI_NULL_HANDLE) die("CHECK names no ndarray argument: " + check_name);
  std::vector<TiNamedArgument> args;
  for (size_t i = 0; i < names.size(); ++i) args.push_back(named(names[i].c_str(), values[i]));
  if (init_name != "-") {
    TiComputeGraph init = ti_get_aot_module_compute_graph(mod, init_name.c_str());
    check(init_name.c_str());
    ti_launch_compute_graph(ctx.runtime, init, static_cast<uint32_t>(args.size()), args.data());
    check("init");
  }
  auto timing = [&](int n) {
    ctx.wait();
    double t0 = now_ms();
    for (int i = 0; i < n; ++i) ti_launch_compute_graph(ctx.runtime, step, static_cast<uint32_t>(args.size()), args.data());
    ctx.wait();
    return now_ms() - t0;
  };
  timing(1);
  check(step_name);
  std::vector<double> ms;
  for (int r = 0; r < reps; ++r) ms.push_back(timing(updates));
  uint64_t count = 1;
  for (uint32_t i = 0; i < checked.shape.dim_count; ++i) count *= checked.shape.dims[i];
  for (uint32_t i = 0; i < checked.elem_shape.dim_count; ++i) count *= checked.elem_shape.dims[i];
  TiMemory host = ctx.allocate(count * 4, true);
  TiMemorySlice src{checked.memory, 0, count * 4}, dst{host, 0, count * 4};
  ti_copy_memory_device_to_device(ctx.runtime, &dst, &src);
  ctx.wait();
  const float *p = static_cast<const float *>(ti_map_memory(ctx.runtime, host));
  double sum = 0;
  bool finite = true;
  for (uint64_t i = 0; i < count; ++i) sum += p[i], finite = finite && std::isfinite(p[i]);
  ti_unmap_memory(ctx.runtime, host);
  std::string json = "{\"workload\":\"graph\",\"updates\":" + std::to_string(updates) + ",\"ms\":" + json_list(ms) + ",\"sum\":" + std::to_string(sum) +
                     ",\"check\":\"" + (finite ? "ok" : "WRONG") + "\"";
  ti_destroy_aot_module(mod);
  ctx.print_footer(json);
}

}  // namespace

int main(int argc, char **argv) {
  std::string w = argc > 1 ? argv[1] : "";
  auto arg = [&](int i) -> const char * {
    if (i >= argc) die("missing argument " + std::to_string(i) + " for " + w);
    return argv[i];
  };
  auto num = [&](int i) { return std::strtoull(arg(i), nullptr, 10); };
  if (w == "launch") bench_launch(arg(2), (int)num(3), (int)num(4));
  else if (w == "latency") bench_latency(arg(2), (int)num(3));
  else if (w == "fill") bench_fill(arg(2), num(3), (int)num(4), (int)num(5));
  else if (w == "matmul") bench_matmul(arg(2), (uint32_t)num(3), (int)num(4), (int)num(5));
  else if (w == "load") bench_load(arg(2), (int)num(3), std::vector<std::string>(argv + std::min(argc, 4), argv + argc));
  else if (w == "graph") bench_graph(arg(2), arg(3), arg(4), (int)num(5), (int)num(6), arg(7), std::vector<std::string>(argv + std::min(argc, 8), argv + argc));
  else die("usage: native_bench launch|latency|fill|matmul|load|graph MODULE ... (see the source's header)");
  return 0;
}
