#include "capture/wasapi/comsupport.h"

#include <audioclient.h>

#include <cstdio>

namespace spectray::capture::wasapi {

ComScope::ComScope()
{
    const HRESULT hr = CoInitializeEx(nullptr, COINIT_MULTITHREADED);
    if (hr == S_OK || hr == S_FALSE) {
        m_ok = true;
        m_mustUninitialize = true;
    } else if (hr == RPC_E_CHANGED_MODE) {
        m_ok = true; // already an STA thread: COM works, and it is not ours to tear down
    }
}

ComScope::~ComScope()
{
    if (m_mustUninitialize)
        CoUninitialize();
}

std::string toUtf8(const wchar_t *text)
{
    if (!text || !*text)
        return {};
    const int n = WideCharToMultiByte(CP_UTF8, 0, text, -1, nullptr, 0, nullptr, nullptr);
    if (n <= 1)
        return {};
    std::string out(std::size_t(n - 1), '\0');
    WideCharToMultiByte(CP_UTF8, 0, text, -1, out.data(), n, nullptr, nullptr);
    return out;
}

std::wstring toWide(const std::string &text)
{
    if (text.empty())
        return {};
    const int n = MultiByteToWideChar(CP_UTF8, 0, text.c_str(), -1, nullptr, 0);
    if (n <= 1)
        return {};
    std::wstring out(std::size_t(n - 1), L'\0');
    MultiByteToWideChar(CP_UTF8, 0, text.c_str(), -1, out.data(), n);
    return out;
}

std::string hresultText(HRESULT hr)
{
    struct Known
    {
        HRESULT hr;
        const char *what;
    };
    // Not a switch: some of these are not constant expressions in every SDK's headers.
    const Known known[] = {
        {AUDCLNT_E_DEVICE_INVALIDATED, "device invalidated"},
        {AUDCLNT_E_SERVICE_NOT_RUNNING, "audio service not running"},
        {AUDCLNT_E_DEVICE_IN_USE, "device in use"},
        {AUDCLNT_E_UNSUPPORTED_FORMAT, "unsupported format"},
        {AUDCLNT_E_WRONG_ENDPOINT_TYPE, "wrong endpoint type (no loopback support?)"},
        {AUDCLNT_E_RESOURCES_INVALIDATED, "resources invalidated"},
        {HRESULT_FROM_WIN32(ERROR_NOT_FOUND), "not found"},
        {E_ACCESSDENIED, "access denied"},
        {E_OUTOFMEMORY, "out of memory"},
    };
    const char *what = nullptr;
    for (const Known &k : known)
        if (k.hr == hr)
            what = k.what;
    char buf[16];
    std::snprintf(buf, sizeof buf, "0x%08lx", static_cast<unsigned long>(hr));
    return what ? std::string(buf) + " (" + what + ")" : std::string(buf);
}

} // namespace spectray::capture::wasapi
