#pragma once
// Counts heap allocations made while g_counting is set, for the "no allocation per frame" tests.
// It replaces the global operator new/delete, so include it in exactly ONE translation unit of a
// test program (replacement functions may not be inline).
#include <atomic>
#include <cstdlib>
#include <new>

inline std::atomic<bool> g_counting{false};
inline std::atomic<long> g_allocations{0};

void *operator new(std::size_t size)
{
    if (g_counting.load(std::memory_order_relaxed))
        g_allocations.fetch_add(1, std::memory_order_relaxed);
    if (void *p = std::malloc(size ? size : 1))
        return p;
    throw std::bad_alloc();
}

void operator delete(void *p) noexcept
{
    std::free(p);
}

void operator delete(void *p, std::size_t) noexcept
{
    std::free(p);
}

// The positive control that makes a count of 0 mean something: the counter sees one plain `new`.
inline bool allocationCounterWorks()
{
    g_allocations = 0;
    g_counting = true;
    int *volatile probe = new int(1);
    delete probe;
    g_counting = false;
    return g_allocations.load() == 1;
}

// How many times `work` allocated through operator new.
template <typename Work>
long allocationsDuring(Work &&work)
{
    g_allocations = 0;
    g_counting = true;
    work();
    g_counting = false;
    return g_allocations.load();
}
