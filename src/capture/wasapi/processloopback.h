#pragma once

// Windows process loopback (Windows 10 2004, build 19041, and later): the audio one process tree
// plays, or everything except it, through ActivateAudioInterfaceAsync with
// AUDIOCLIENT_ACTIVATION_TYPE_PROCESS_LOOPBACK. MinGW's headers (Debian 12) lack the activation
// structures, so they are declared here with the layout of the Windows SDK's
// audioclientactivationparams.h, under our own names so a newer header cannot clash with them.
// Compile-checked with MinGW only; not run on Windows (see README).

#include "capture/audiobackend.h"
#include "capture/wasapi/comsupport.h"

#include <audioclient.h>
#include <mmdeviceapi.h>

#include <string>
#include <vector>

namespace spectray::capture::wasapi {

enum class ActivationType : int { Default = 0, ProcessLoopback = 1 }; // AUDIOCLIENT_ACTIVATION_TYPE
enum class LoopbackMode : int { IncludeProcessTree = 0, ExcludeProcessTree = 1 }; // PROCESS_LOOPBACK_MODE

struct ProcessLoopbackParams // AUDIOCLIENT_PROCESS_LOOPBACK_PARAMS
{
    DWORD targetProcessId;
    LoopbackMode mode;
};

struct ActivationParams // AUDIOCLIENT_ACTIVATION_PARAMS
{
    ActivationType type;
    ProcessLoopbackParams processLoopback; // the SDK's union has only this member
};

static_assert(sizeof(ActivationParams) == 12, "AUDIOCLIENT_ACTIVATION_PARAMS is three 32-bit fields");

// The virtual device that ActivateAudioInterfaceAsync opens for process loopback.
inline constexpr const wchar_t *kProcessLoopbackDevice = L"VAD\\Process_Loopback";

// A process with an audio session (what plays, or has played, through an output).
struct AudioProcess
{
    DWORD pid = 0;
    std::string binary; // image file name, "Spotify.exe": the app:BINARY id
    std::string name; // the session's display name, else the binary
};

// Processes with audio sessions on any active render endpoint (IAudioSessionManager2), one
// entry per binary; the system sounds session is left out.
std::vector<AudioProcess> listAudioProcesses(IMMDeviceEnumerator *enumerator);
// The application entries for the device list ("app:Spotify.exe", kind Application).
std::vector<DeviceInfo> applicationDevices(const std::vector<AudioProcess> &processes);
// The first running process whose image name is `binary` (case-insensitive), 0 if none. Process
// loopback includes the whole tree, so the root of a multi-process app is what we want: among
// processes of that name, one whose parent has another name.
DWORD findProcess(const std::string &binary);

// Activates an IAudioClient on the process loopback device for `pid` (include or exclude its
// tree) and waits for the completion handler. Fails with a message on Windows before 10 2004.
ComPtr<IAudioClient> activateProcessLoopback(DWORD pid, LoopbackMode mode, std::string &error);

} // namespace spectray::capture::wasapi
