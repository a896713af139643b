#include "logging.h"

Q_LOGGING_CATEGORY(lcCore, "spectray.core", QtInfoMsg)
Q_LOGGING_CATEGORY(lcEngine, "spectray.engine", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCapture, "spectray.capture", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNet, "spectray.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcGui, "spectray.gui", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApp, "spectray.app", QtInfoMsg)
