// The native anchor: the same .tcm modules and workloads as the TypeScript benchmarks, run by
// Taichi's own C runtime (libtaichi_c_api.so from the taichi wheel) on native Vulkan.
//
//   native_bench launch  MODULE LAUNCHES REPS    fill on 32x32 f32, LAUNCHES between two waits
//   native_bench latency MODULE ITERS            launch, wait, read 4 bytes; ITERS times
//   native_bench fill    MODULE BYTES LAUNCHES REPS
//   native_bench matmul  MODULE N LAUNCHES REPS
//   native_bench mpm88   MODULE PARTICLES UPDATES REPS
//   native_bench load    MODULE WARM_LOADS [k:KERNEL|g:GRAPH ...]   load, and get each kernel and graph
//
// Each prints one JSON object on stdout: the timings in milliseconds (or microseconds where the
// key says so), a check of the results, and the process's peak resident memory. Timing is the
// TS benchmarks' own method: the host clock around the launches and the final wait.
#include <taichi/taichi_core.h>

#include <algorithm>
#include <chrono>
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
    json += ",\"peakRssKiB\":" + std::to_string(peak_rss_kib()) + ",\"deviceBytes\":" + std::to_string(device_bytes) + "}";
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

// The mpm88 module's graphs: init once, then UPDATES launches of 'update' per timing.
void bench_mpm88(const char *path, uint32_t particles, int updates, int reps) {
  Context ctx;
  TiAotModule mod = ctx.load(read_file(path));
  TiComputeGraph init = ti_get_aot_module_compute_graph(mod, "init");
  TiComputeGraph update = ti_get_aot_module_compute_graph(mod, "update");
  check("graphs");
  const uint32_t grid = 128;
  TiNdArray x = ctx.ndarray({particles}, {2}), v = ctx.ndarray({particles}, {2}), C = ctx.ndarray({particles}, {2, 2}), J = ctx.ndarray({particles}, {});
  TiNdArray grid_v = ctx.ndarray({grid, grid}, {2}), grid_m = ctx.ndarray({grid, grid}, {}), pos = ctx.ndarray({particles}, {3});
  TiNamedArgument init_args[] = {named("x", nd_arg(x)), named("v", nd_arg(v)), named("J", nd_arg(J))};
  ti_launch_compute_graph(ctx.runtime, init, 3, init_args);
  check("init");
  TiNamedArgument args[] = {named("x", nd_arg(x)),           named("v", nd_arg(v)),           named("C", nd_arg(C)),    named("J", nd_arg(J)),
                            named("grid_v", nd_arg(grid_v)), named("grid_m", nd_arg(grid_m)), named("pos", nd_arg(pos))};
  auto timing = [&](int n) {
    ctx.wait();
    double t0 = now_ms();
    for (int i = 0; i < n; ++i) ti_launch_compute_graph(ctx.runtime, update, 7, args);
    ctx.wait();
    return now_ms() - t0;
  };
  timing(1);
  check("update");
  std::vector<double> ms;
  for (int r = 0; r < reps; ++r) ms.push_back(timing(updates));
  // Every position finite and inside (0, 1)^2, read through a host-readable copy.
  uint64_t x_bytes = uint64_t(particles) * 2 * 4;
  TiMemory host = ctx.allocate(x_bytes, true);
  TiMemorySlice src{x.memory, 0, x_bytes}, dst{host, 0, x_bytes};
  ti_copy_memory_device_to_device(ctx.runtime, &dst, &src);
  ctx.wait();
  const float *p = static_cast<const float *>(ti_map_memory(ctx.runtime, host));
  bool inside = true;
  for (uint32_t i = 0; i < particles * 2; ++i) inside = inside && p[i] > 0 && p[i] < 1;
  ti_unmap_memory(ctx.runtime, host);
  std::string json = "{\"workload\":\"mpm88\",\"particles\":" + std::to_string(particles) + ",\"updates\":" + std::to_string(updates) + ",\"ms\":" + json_list(ms) +
                     ",\"check\":\"" + (inside ? "ok" : "WRONG") + "\"";
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
  else if (w == "mpm88") bench_mpm88(arg(2), (uint32_t)num(3), (int)num(4), (int)num(5));
  else if (w == "load") bench_load(arg(2), (int)num(3), std::vector<std::string>(argv + std::min(argc, 4), argv + argc));
  else die("usage: native_bench launch|latency|fill|matmul|mpm88|load MODULE ... (see the source's header)");
  return 0;
}
