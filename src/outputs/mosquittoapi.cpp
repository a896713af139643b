#include "outputs/mosquittoapi.h"

#include <QCoreApplication>
#include <QLibrary>

namespace spectray::outputs {

namespace {

struct Loaded
{
    MosquittoApi api {};
    QString error; // empty when every function was found
};

template<typename F> void resolve(QLibrary &library, const char *name, F &out, QString &error)
{
    // QFunctionPointer is void (*)(), the type GCC's -Wcast-function-type accepts as generic.
    out = reinterpret_cast<F>(library.resolve(name));
    if (!out && error.isEmpty())
        error = QCoreApplication::translate("spectray::outputs::MqttPublisher", "MQTT: %1 has no function %2")
                    .arg(library.fileName(), QLatin1StringView(name));
}

Loaded load()
{
    Loaded l;
    // Never unloaded: its network threads may outlive any one publisher's bookkeeping.
    QLibrary library(QStringLiteral("mosquitto"), 1); // libmosquitto.so.1; mosquitto.dll on Windows
    library.setLoadHints(QLibrary::PreventUnloadHint);
    if (!library.load()) {
        l.error = QCoreApplication::translate("spectray::outputs::MqttPublisher",
            "MQTT: cannot load libmosquitto (%1); install it to publish to a broker")
                      .arg(library.errorString());
        return l;
    }
    MosquittoApi &a = l.api;
    decltype(&::mosquitto_lib_init) libInit = nullptr;
    resolve(library, "mosquitto_lib_init", libInit, l.error);
    resolve(library, "mosquitto_new", a.client_new, l.error);
    resolve(library, "mosquitto_destroy", a.destroy, l.error);
    resolve(library, "mosquitto_strerror", a.strerror, l.error);
    resolve(library, "mosquitto_connack_string", a.connack_string, l.error);
    resolve(library, "mosquitto_loop_start", a.loop_start, l.error);
    resolve(library, "mosquitto_loop_stop", a.loop_stop, l.error);
    resolve(library, "mosquitto_connect_async", a.connect_async, l.error);
    resolve(library, "mosquitto_disconnect", a.disconnect, l.error);
    resolve(library, "mosquitto_connect_callback_set", a.connect_callback_set, l.error);
    resolve(library, "mosquitto_disconnect_callback_set", a.disconnect_callback_set, l.error);
    resolve(library, "mosquitto_publish_callback_set", a.publish_callback_set, l.error);
    resolve(library, "mosquitto_reconnect_delay_set", a.reconnect_delay_set, l.error);
    resolve(library, "mosquitto_will_set", a.will_set, l.error);
    resolve(library, "mosquitto_username_pw_set", a.username_pw_set, l.error);
    resolve(library, "mosquitto_int_option", a.int_option, l.error);
    resolve(library, "mosquitto_tls_set", a.tls_set, l.error);
    resolve(library, "mosquitto_publish", a.publish, l.error);
    if (l.error.isEmpty())
        libInit();
    return l;
}

} // namespace

const MosquittoApi *loadMosquitto(QString *error)
{
    static const Loaded loaded = load(); // C++11 magic static: loaded once, thread-safe
    if (!loaded.error.isEmpty()) {
        if (error)
            *error = loaded.error;
        return nullptr;
    }
    return &loaded.api;
}

} // namespace spectray::outputs
