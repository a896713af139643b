#pragma once

// Small COM helpers for the WASAPI backend: an owning interface pointer, per-thread COM
// initialisation and string conversion. Windows only; no Qt, no WRL (MinGW and MSVC alike).

#include <windows.h>
#include <objbase.h>

#include <memory>
#include <string>

namespace spectray::capture::wasapi {

// Owns one reference to a COM interface.
template<typename T>
class ComPtr final
{
public:
    ComPtr() = default;
    ~ComPtr() { reset(); }
    ComPtr(const ComPtr &) = delete;
    ComPtr &operator=(const ComPtr &) = delete;
    ComPtr(ComPtr &&other) noexcept : m_p(other.m_p) { other.m_p = nullptr; }
    ComPtr &operator=(ComPtr &&other) noexcept
    {
        if (this != &other) {
            reset();
            m_p = other.m_p;
            other.m_p = nullptr;
        }
        return *this;
    }

    T *get() const { return m_p; }
    T *operator->() const { return m_p; }
    explicit operator bool() const { return m_p != nullptr; }
    // Out-parameter for factory calls; drops what was held before.
    T **put()
    {
        reset();
        return &m_p;
    }
    void **putVoid() { return reinterpret_cast<void **>(put()); }
    void reset()
    {
        if (m_p) {
            m_p->Release();
            m_p = nullptr;
        }
    }

private:
    T *m_p = nullptr;
};

// Frees CoTaskMemAlloc'd results (device ids, mix formats).
struct CoTaskMemDeleter
{
    void operator()(void *p) const { CoTaskMemFree(p); }
};
template<typename T>
using CoTaskMemPtr = std::unique_ptr<T, CoTaskMemDeleter>;

// Initialises COM (multithreaded apartment) for the current thread for its lifetime. A thread that
// is already in an STA (a Qt GUI thread) keeps it: COM is usable either way, we just must not
// uninitialise what we did not initialise.
class ComScope final
{
public:
    ComScope();
    ~ComScope();
    ComScope(const ComScope &) = delete;
    ComScope &operator=(const ComScope &) = delete;
    bool ok() const { return m_ok; }

private:
    bool m_ok = false;
    bool m_mustUninitialize = false;
};

std::string toUtf8(const wchar_t *text);
std::wstring toWide(const std::string &text);
// "0x88890004 (device invalidated)" for logs and the UI's reason text.
std::string hresultText(HRESULT hr);

} // namespace spectray::capture::wasapi
