#pragma once

#include <QtGlobal>

namespace spectray::net {

// The few socket calls FrameFanout makes itself, on descriptors Qt opened. One file per platform.

// One non-blocking send() on a connected TCP socket: the bytes the kernel took (0 when its buffer
// is full), or -1 on an error (the peer is gone; Qt's read side finds and reports it).
qint64 sendNow(qintptr descriptor, const char *data, qint64 size);

// A second descriptor for the same socket, owned by the caller (-1 on failure). FrameFanout
// writes through its own, so Qt closing the original cannot make a send reach a socket that
// reused the number.
qintptr duplicateSocket(qintptr descriptor);
void closeDuplicate(qintptr descriptor);

} // namespace spectray::net
