// Emscripten 3.1.6's Asyncify mallocs a block to save a suspending call's stack in and does not
// check the result: on a full heap it would save the stack over address 0. The runtime keeps a
// reserve in the heap for this (wasm/src/heap.h): a failed block spends it and tries again, and
// if even that finds no room the call fails with an exception instead of writing through null.
(function () {
  Asyncify.allocateData = function () {
    var size = 12 + Asyncify.StackSize;
    var ptr = _malloc(size);
    var spend = Module['_tiw_heap_spend_reserve'];
    if (!ptr && spend && spend()) ptr = _malloc(size);
    if (!ptr) throw new Error('the wasm heap has no room to suspend a call (' + size + ' bytes)');
    Asyncify.setDataHeader(ptr, ptr + 12, Asyncify.StackSize);
    Asyncify.setDataRewindFunc(ptr);
    return ptr;
  };
})();
