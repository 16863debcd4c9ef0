// Emscripten 3.1.6 resumes a suspended call in a promise callback (handleAsync's
// `startAsync().then(wakeUp)`). When the resumed call fails after it has begun suspending again
// (a trap while Asyncify unwinds, e.g. a stack too deep for its block, or a sanitizer's abort),
// wakeUp rethrows into that promise, which nobody awaits: the ccall that started the call never
// settles and its caller waits forever. The same happens when the awaited promise rejects. Either
// error goes to the waiting ccall instead.
(function () {
  Asyncify.handleAsync = function (startAsync) {
    return Asyncify.handleSleep(function (wakeUp) {
      startAsync()
        .then(wakeUp)
        .catch(function (error) {
          var handlers = Asyncify.asyncPromiseHandlers;
          if (!handlers) throw error;
          Asyncify.asyncPromiseHandlers = null;
          handlers.reject(error);
        });
    });
  };
})();
