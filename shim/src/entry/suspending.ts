// The entry points that may suspend wasm: those that wait for the GPU (or for a GPUDevice), and
// the status queries, which suspend briefly so that a host loop polling them lets the event loop
// deliver WebGPU's completions (entry/queue.ts, answerAfterYield). They return a promise where the
// caller can be suspended. scripts/gen-bindings.mjs reads this list (keep it one line) to give
// them Asyncify trampolines and name them as Asyncify imports.

export const SUSPENDING_ENTRY_POINTS: readonly string[] = ['vkCreateDevice', 'vkCreateComputePipelines', 'vkWaitForFences', 'vkQueueWaitIdle', 'vkDeviceWaitIdle', 'vkGetFenceStatus', 'vkGetEventStatus'];
