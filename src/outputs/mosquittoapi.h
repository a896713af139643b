#pragma once

#include <QString>

#include <mosquitto.h>

namespace spectray::outputs {

// The libmosquitto functions the publisher calls, resolved when the first publisher starts.
// libmosquitto needs OpenSSL, and a process that merely maps libssl + libcrypto keeps 1.9 MB of
// them resident (measured: bench/rss), while most runs never talk to a broker: so the library is
// loaded on demand instead of linked (issue 11, RSS).
struct MosquittoApi
{
    decltype(&::mosquitto_new) client_new;
    decltype(&::mosquitto_destroy) destroy;
    decltype(&::mosquitto_strerror) strerror;
    decltype(&::mosquitto_connack_string) connack_string;
    decltype(&::mosquitto_loop_start) loop_start;
    decltype(&::mosquitto_loop_stop) loop_stop;
    decltype(&::mosquitto_connect_async) connect_async;
    decltype(&::mosquitto_disconnect) disconnect;
    decltype(&::mosquitto_connect_callback_set) connect_callback_set;
    decltype(&::mosquitto_disconnect_callback_set) disconnect_callback_set;
    decltype(&::mosquitto_publish_callback_set) publish_callback_set;
    decltype(&::mosquitto_reconnect_delay_set) reconnect_delay_set;
    decltype(&::mosquitto_will_set) will_set;
    decltype(&::mosquitto_username_pw_set) username_pw_set;
    decltype(&::mosquitto_int_option) int_option;
    decltype(&::mosquitto_tls_set) tls_set;
    decltype(&::mosquitto_publish) publish;
};

// Loads libmosquitto (major version 1) once and initialises it (mosquitto_lib_init); thread-safe.
// nullptr when the library or one of its functions is missing, with `error` saying which.
const MosquittoApi *loadMosquitto(QString *error);

} // namespace spectray::outputs
