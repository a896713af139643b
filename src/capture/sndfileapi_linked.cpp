#include "capture/sndfileapi.h"

namespace spectray::capture {

const SndfileApi *sndfileApi(std::string &)
{
    static const SndfileApi api{&::sf_open, &::sf_close, &::sf_readf_float, &::sf_seek, &::sf_command};
    return &api;
}

} // namespace spectray::capture
