#pragma once
// Counts every heap allocation made while g_counting is set, for the "no allocation per frame"
// tests of code that uses Qt containers: QByteArray, QString and QList take their memory from
// malloc directly, so a replaced operator new (allocationcounter.h) does not see them. This
// interposes glibc's malloc family (the program's definitions come first in symbol lookup, for Qt's
// libraries too) and forwards to glibc's own entry points. Include it in exactly ONE translation
// unit of a test program, instead of allocationcounter.h.
// Under AddressSanitizer the sanitizer owns malloc, so the count comes from its documented
// allocation hook (__sanitizer_install_malloc_and_free_hooks), which sees the same calls.
#include <atomic>
#include <cstddef>

#if defined(__SANITIZE_ADDRESS__)
#define SPECTRAY_NO_MALLOC_HOOK 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SPECTRAY_NO_MALLOC_HOOK 1
#endif
#endif

inline std::atomic<bool> g_counting{false};
inline std::atomic<long> g_allocations{0};

#if defined(SPECTRAY_NO_MALLOC_HOOK)
// Declared here: GCC ships no sanitizer/allocator_interface.h, but its libasan exports the hook.
extern "C" int __sanitizer_install_malloc_and_free_hooks(void (*malloc_hook)(const volatile void *, std::size_t),
                                                         void (*free_hook)(const volatile void *));

inline constexpr bool kMallocCounted = true;

inline void spectrayCountSanitizerAllocation(const volatile void *, std::size_t)
{
    if (g_counting.load(std::memory_order_relaxed))
        g_allocations.fetch_add(1, std::memory_order_relaxed);
}
inline void spectrayIgnoreSanitizerFree(const volatile void *) {}
// Installed before main() by a static initialiser of the one translation unit that includes this
// (internal linkage, so it is always initialised; an unused inline variable may never be).
static const int s_sanitizerHookInstalled =
    // Both hooks are required: with a null one the sanitizer installs nothing (returns 0).
    __sanitizer_install_malloc_and_free_hooks(&spectrayCountSanitizerAllocation, &spectrayIgnoreSanitizerFree);
#elif !defined(__GLIBC__)
inline constexpr bool kMallocCounted = false;
#else
inline constexpr bool kMallocCounted = true;

extern "C" {
void *__libc_malloc(std::size_t size);
void *__libc_calloc(std::size_t count, std::size_t size);
void *__libc_realloc(void *p, std::size_t size);
void *__libc_memalign(std::size_t alignment, std::size_t size);
void __libc_free(void *p);

inline void spectrayCountAllocation()
{
    if (g_counting.load(std::memory_order_relaxed))
        g_allocations.fetch_add(1, std::memory_order_relaxed);
}

void *malloc(std::size_t size) noexcept
{
    spectrayCountAllocation();
    return __libc_malloc(size);
}
void *calloc(std::size_t count, std::size_t size) noexcept
{
    spectrayCountAllocation();
    return __libc_calloc(count, size);
}
void *realloc(void *p, std::size_t size) noexcept
{
    spectrayCountAllocation();
    return __libc_realloc(p, size);
}
void *memalign(std::size_t alignment, std::size_t size) noexcept
{
    spectrayCountAllocation();
    return __libc_memalign(alignment, size);
}
void *aligned_alloc(std::size_t alignment, std::size_t size) noexcept
{
    spectrayCountAllocation();
    return __libc_memalign(alignment, size);
}
int posix_memalign(void **out, std::size_t alignment, std::size_t size) noexcept
{
    spectrayCountAllocation();
    void *p = __libc_memalign(alignment, size);
    if (!p)
        return 12; // ENOMEM
    *out = p;
    return 0;
}
void free(void *p) noexcept
{
    __libc_free(p);
}
}
#endif
