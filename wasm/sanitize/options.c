// The sanitizers' options for scripts/sanitize.sh's build (linked through link.rsp into the
// runtime and into every C program built against it). A wasm program has no environment to read
// ASAN_OPTIONS from, so the runtimes ask these functions.

// allocator_may_return_null: the runtime answers a malloc it cannot satisfy (a 2 GiB ndarray) with
// OUT_OF_MEMORY, which the tests check; ASan's allocator would abort instead.
// quarantine_size_mb: freed blocks wait in quarantine before reuse (so a use after free is seen);
// 64 MiB of it keeps the heap's growth within the 2 GiB the runtime may use.
const char *__asan_default_options(void) {
  return "allocator_may_return_null=1:quarantine_size_mb=64:halt_on_error=1";
}

// Undefined behaviour stops the program where it happens, with the stack.
const char *__ubsan_default_options(void) {
  return "halt_on_error=1:print_stacktrace=1";
}
