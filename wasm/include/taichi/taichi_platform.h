/*
 * taichi_platform.h: export and calling-convention macros for the Taichi C API.
 * On emscripten the build exports the ti_* functions by an explicit list, so default
 * visibility is all a declaration needs.
 */
#ifndef TAICHI_PLATFORM_H
#define TAICHI_PLATFORM_H

#include <stdint.h>

#if defined(_WIN32)
#define TI_DLL_EXPORT __declspec(dllexport)
#define TI_API_CALL __stdcall
#else
#define TI_DLL_EXPORT __attribute__((visibility("default")))
#define TI_API_CALL
#endif

#endif /* TAICHI_PLATFORM_H */
