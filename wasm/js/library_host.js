// Host services of the C runtime that are not Vulkan: reading AOT module files. Each forwards to
// Module.host (src/host.ts), which returns a malloc'd blob in the format archive.cpp expects.
mergeInto(LibraryManager.library, {
  tiw_host_unzip: function (data, size) { return Module.host.unzip(data, size); },
  tiw_host_read_module: function (path) { return Module.host.readModule(path); },
});
