#include "capture/wasapi/processloopback.h"

#include <audiopolicy.h>
#include <tlhelp32.h>

#include <algorithm>
#include <cwctype>
#include <map>

namespace spectray::capture::wasapi {

namespace {

// IAgileObject: the activation completes on a worker thread of Windows, which calls the handler
// directly only if it says it is agile (free-threaded); otherwise activation fails.
constexpr GUID kIidAgileObject = { 0x94ea2b94, 0xe9cc, 0x49e0, { 0xc0, 0xff, 0xee, 0x64, 0xca, 0x8f, 0x5b, 0x90 } };

#if defined(__GNUC__)
#pragma GCC diagnostic push
// COM objects are destroyed by Release(), never through an IUnknown pointer (as DeviceNotifier).
#pragma GCC diagnostic ignored "-Wnon-virtual-dtor"
#endif

class CompletionHandler final : public IActivateAudioInterfaceCompletionHandler
{
public:
    CompletionHandler()
        : m_done(CreateEventW(nullptr, TRUE, FALSE, nullptr))
    {
    }
    ~CompletionHandler()
    {
        if (m_done)
            CloseHandle(m_done);
    }
    CompletionHandler(const CompletionHandler &) = delete;
    CompletionHandler &operator=(const CompletionHandler &) = delete;

    HRESULT STDMETHODCALLTYPE QueryInterface(REFIID riid, void **out) override
    {
        if (!out)
            return E_POINTER;
        if (IsEqualIID(riid, __uuidof(IUnknown)) || IsEqualIID(riid, __uuidof(IActivateAudioInterfaceCompletionHandler))
            || IsEqualIID(riid, kIidAgileObject)) {
            *out = static_cast<IActivateAudioInterfaceCompletionHandler *>(this);
            AddRef();
            return S_OK;
        }
        *out = nullptr;
        return E_NOINTERFACE;
    }
    ULONG STDMETHODCALLTYPE AddRef() override { return ULONG(InterlockedIncrement(&m_refs)); }
    ULONG STDMETHODCALLTYPE Release() override
    {
        const LONG left = InterlockedDecrement(&m_refs);
        if (left == 0)
            delete this;
        return ULONG(left);
    }
    HRESULT STDMETHODCALLTYPE ActivateCompleted(IActivateAudioInterfaceAsyncOperation *) override
    {
        SetEvent(m_done); // the result is read by the waiting thread from the operation
        return S_OK;
    }
    HANDLE done() const { return m_done; }

private:
    HANDLE m_done = nullptr;
    LONG m_refs = 1;
};

#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

using ActivateFn = HRESULT(WINAPI *)(LPCWSTR, REFIID, PROPVARIANT *, IActivateAudioInterfaceCompletionHandler *,
    IActivateAudioInterfaceAsyncOperation **);

// Looked up at run time: the function exists only from Windows 8 on (process loopback only from
// 10 2004), and a static import would make the .exe refuse to start on older systems.
ActivateFn activateFunction()
{
    HMODULE module = LoadLibraryW(L"mmdevapi.dll");
    if (!module)
        return nullptr;
    return reinterpret_cast<ActivateFn>(
        reinterpret_cast<void *>(GetProcAddress(module, "ActivateAudioInterfaceAsync")));
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

std::string imageName(DWORD pid)
{
    HANDLE process = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, pid);
    if (!process)
        return {};
    wchar_t path[MAX_PATH] = {};
    DWORD size = MAX_PATH;
    const bool ok = QueryFullProcessImageNameW(process, 0, path, &size) != 0;
    CloseHandle(process);
    if (!ok)
        return {};
    const std::wstring full(path, size);
    const std::size_t slash = full.find_last_of(L"\\/");
    return toUtf8((slash == std::wstring::npos ? full : full.substr(slash + 1)).c_str());
}

void addSessions(IMMDevice *device, std::map<std::string, AudioProcess> &out)
{
    ComPtr<IAudioSessionManager2> manager;
    if (device->Activate(__uuidof(IAudioSessionManager2), CLSCTX_ALL, nullptr, manager.putVoid()) < 0)
        return;
    ComPtr<IAudioSessionEnumerator> sessions;
    int count = 0;
    if (manager->GetSessionEnumerator(sessions.put()) < 0 || sessions->GetCount(&count) < 0)
        return;
    for (int i = 0; i < count; ++i) {
        ComPtr<IAudioSessionControl> control;
        ComPtr<IAudioSessionControl2> control2;
        DWORD pid = 0;
        if (sessions->GetSession(i, control.put()) < 0
            || control->QueryInterface(__uuidof(IAudioSessionControl2), control2.putVoid()) < 0
            || control2->IsSystemSoundsSession() == S_OK || control2->GetProcessId(&pid) < 0 || pid == 0)
            continue;
        AudioProcess p;
        p.pid = pid;
        p.binary = imageName(pid);
        if (p.binary.empty() || out.count(lower(p.binary)))
            continue;
        LPWSTR display = nullptr;
        if (control2->GetDisplayName(&display) >= 0 && display) {
            p.name = toUtf8(display);
            CoTaskMemFree(display);
        }
        if (p.name.empty() || p.name.front() == '@') // "@%SystemRoot%\..." resource strings: not a name
            p.name = p.binary;
        out[lower(p.binary)] = std::move(p);
    }
}

} // namespace

std::vector<AudioProcess> listAudioProcesses(IMMDeviceEnumerator *enumerator)
{
    std::map<std::string, AudioProcess> byBinary;
    ComPtr<IMMDeviceCollection> endpoints;
    UINT count = 0;
    if (!enumerator || enumerator->EnumAudioEndpoints(eRender, DEVICE_STATE_ACTIVE, endpoints.put()) < 0
        || endpoints->GetCount(&count) < 0)
        return {};
    for (UINT i = 0; i < count; ++i) {
        ComPtr<IMMDevice> device;
        if (endpoints->Item(i, device.put()) >= 0)
            addSessions(device.get(), byBinary);
    }
    std::vector<AudioProcess> list;
    for (auto &[key, p] : byBinary)
        list.push_back(std::move(p));
    return list;
}

std::vector<DeviceInfo> applicationDevices(const std::vector<AudioProcess> &processes)
{
    std::vector<DeviceInfo> out;
    for (const AudioProcess &p : processes) {
        DeviceInfo d;
        d.id = sourceid::kAppPrefix + p.binary;
        d.name = p.name;
        d.kind = DeviceKind::Application;
        out.push_back(std::move(d));
    }
    return out;
}

DWORD findProcess(const std::string &binary)
{
    HANDLE snapshot = CreateToolhelp32Snapshot(TH32CS_SNAPPROCESS, 0);
    if (snapshot == INVALID_HANDLE_VALUE)
        return 0;
    std::map<DWORD, std::pair<DWORD, std::string>> processes; // pid -> parent, lower-case name
    PROCESSENTRY32W entry {};
    entry.dwSize = sizeof(entry);
    for (BOOL more = Process32FirstW(snapshot, &entry); more; more = Process32NextW(snapshot, &entry))
        processes[entry.th32ProcessID] = { entry.th32ParentProcessID, lower(toUtf8(entry.szExeFile)) };
    CloseHandle(snapshot);
    const std::string wanted = lower(binary);
    DWORD any = 0;
    for (const auto &[pid, info] : processes) {
        if (info.second != wanted)
            continue;
        const auto parent = processes.find(info.first);
        if (parent == processes.end() || parent->second.second != wanted)
            return pid; // the root of the app's tree
        any = pid;
    }
    return any;
}

ComPtr<IAudioClient> activateProcessLoopback(DWORD pid, LoopbackMode mode, std::string &error)
{
    ComPtr<IAudioClient> client;
    const ActivateFn activate = activateFunction();
    if (!activate) {
        error = "per-application capture needs Windows 10 version 2004 or later";
        return client;
    }
    ActivationParams params {};
    params.type = ActivationType::ProcessLoopback;
    params.processLoopback.targetProcessId = pid;
    params.processLoopback.mode = mode;
    PROPVARIANT prop {};
    prop.vt = VT_BLOB;
    prop.blob.cbSize = sizeof(params);
    prop.blob.pBlobData = reinterpret_cast<BYTE *>(&params);

    auto *handler = new CompletionHandler();
    ComPtr<IActivateAudioInterfaceAsyncOperation> operation;
    HRESULT hr = activate(kProcessLoopbackDevice, __uuidof(IAudioClient), &prop, handler, operation.put());
    if (hr >= 0 && WaitForSingleObject(handler->done(), 5000) != WAIT_OBJECT_0)
        hr = HRESULT_FROM_WIN32(ERROR_TIMEOUT);
    HRESULT activated = E_FAIL;
    ComPtr<IUnknown> unknown;
    if (hr >= 0)
        hr = operation->GetActivateResult(&activated, unknown.put());
    if (hr >= 0)
        hr = activated;
    if (hr >= 0 && unknown)
        hr = unknown->QueryInterface(__uuidof(IAudioClient), client.putVoid());
    handler->Release();
    if (hr < 0) {
        client.reset();
        error = "cannot activate process loopback: " + hresultText(hr);
    }
    return client;
}

} // namespace spectray::capture::wasapi
