// Emscripten 3.1.6 resumes a suspended export by calling it again with no arguments. An export
// that takes a 64-bit argument (a BigInt under WASM_BIGINT, e.g. ti_create_aot_module's size)
// then throws before wasm runs, and the call never completes. Each export remembers its last
// arguments and gets them again on resume; wasm ignores them then, as it restores its locals.
(function () {
  var instrument = Asyncify.instrumentWasmExports;
  Asyncify.instrumentWasmExports = function (exports) {
    var instrumented = instrument(exports);
    var out = {};
    Object.keys(instrumented).forEach(function (name) {
      var fn = instrumented[name];
      if (typeof fn !== 'function') {
        out[name] = fn;
        return;
      }
      var last = [];
      out[name] = function () {
        if (Asyncify.state === Asyncify.State.Rewinding && arguments.length === 0) return fn.apply(null, last);
        last = arguments;
        return fn.apply(null, arguments);
      };
    });
    return out;
  };
})();
