# One INTERFACE target carries the compile options every Spectray target shares.
add_library(spectray_options INTERFACE)
add_library(Spectray::options ALIAS spectray_options)
target_compile_features(spectray_options INTERFACE cxx_std_20)
target_compile_definitions(spectray_options INTERFACE
  QT_NO_CAST_FROM_ASCII
  QT_NO_CAST_TO_ASCII
  QT_USE_QSTRINGBUILDER
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
  QT_NO_URL_CAST_FROM_STRING
  QT_DISABLE_DEPRECATED_BEFORE=0x060400
  SPECTRAY_VERSION="${PROJECT_VERSION}")
if(MSVC)
  target_compile_options(spectray_options INTERFACE /W4 /permissive- /utf-8)
  if(SPECTRAY_WERROR)
    target_compile_options(spectray_options INTERFACE /WX)
  endif()
else()
  target_compile_options(spectray_options INTERFACE -Wall -Wextra -Wpedantic -Wshadow
                                                    -Wnon-virtual-dtor -Wold-style-cast)
  if(SPECTRAY_WERROR)
    target_compile_options(spectray_options INTERFACE -Werror)
  endif()
endif()
