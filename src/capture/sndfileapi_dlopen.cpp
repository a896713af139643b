#include "capture/sndfileapi.h"

#include <dlfcn.h>

namespace spectray::capture {

namespace {

struct Loaded
{
    SndfileApi api{};
    std::string error; // empty when loaded
};

template<typename F>
void resolve(void *library, const char *name, F &out, std::string &error)
{
    out = reinterpret_cast<F>(::dlsym(library, name));
    if (!out && error.empty())
        error = std::string("libsndfile has no function ") + name;
}

Loaded load()
{
    Loaded l;
    // The soname of every libsndfile 1.x; never closed (decoders may keep state in it).
    void *library = ::dlopen("libsndfile.so.1", RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        const char *why = ::dlerror();
        l.error = std::string("cannot load libsndfile (") + (why ? why : "not found") + "); install libsndfile1";
        return l;
    }
    resolve(library, "sf_open", l.api.open, l.error);
    resolve(library, "sf_close", l.api.close, l.error);
    resolve(library, "sf_readf_float", l.api.readf_float, l.error);
    resolve(library, "sf_seek", l.api.seek, l.error);
    resolve(library, "sf_command", l.api.command, l.error);
    return l;
}

} // namespace

const SndfileApi *sndfileApi(std::string &error)
{
    static const Loaded loaded = load();
    if (!loaded.error.empty()) {
        error = loaded.error;
        return nullptr;
    }
    return &loaded.api;
}

} // namespace spectray::capture
