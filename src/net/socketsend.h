#pragma once

#include <QtGlobal>

namespace spectray::net {

// The few socket calls FrameFanout makes itself, on descriptors Qt opened. One file per platform.

// One non-blocking send() on a connected TCP socket: the bytes the kernel took (0 when its buffer
// is full), or -1 on an error (the peer is gone; Qt's read side finds and reports it).
qint64 sendNow(qintptr descriptor, const char *data, qint64 size);

// The descriptor FrameFanout writes through, owned by it (-1 on failure), and whether it may
// write from a thread other than the GUI thread. POSIX: a dup(), closed last, so Qt closing the
// original cannot make a send from another thread reach a socket that reused the number; any
// thread may write. Windows: the original itself (a duplicate would share, and on registering a
// notifier cancel, Qt's WSAAsyncSelect registration), so frames stay on the GUI thread, where Qt's
// close and the fanout's removal of the client happen in one sequence.
qintptr duplicateSocket(qintptr descriptor);
void closeDuplicate(qintptr descriptor);
bool duplicatesAllowAnyThread();

} // namespace spectray::net
