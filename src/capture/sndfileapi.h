#pragma once

#include <sndfile.h>

#include <string>

namespace spectray::capture {

// The libsndfile functions SoundFileReader calls. On Linux the library is loaded the first time a
// file is opened (sndfileapi_dlopen.cpp): linked, it maps its codec libraries too (FLAC, Vorbis,
// Opus, MPEG; 0.8 MB resident, bench/rss) into every run, while only a file source and --analyze
// read files (issue 11, RSS). Elsewhere these are the linked functions (sndfileapi_linked.cpp);
// CMake compiles one of the two.
struct SndfileApi
{
    decltype(&::sf_open) open;
    decltype(&::sf_close) close;
    decltype(&::sf_readf_float) readf_float;
    decltype(&::sf_seek) seek;
    decltype(&::sf_command) command;
};

// The functions, or nullptr with `error` saying why the library could not be loaded. Loads once;
// thread-safe.
const SndfileApi *sndfileApi(std::string &error);

} // namespace spectray::capture
