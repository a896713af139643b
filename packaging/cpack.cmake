# CPack settings, included by packaging/CMakeLists.txt. `cpack -G DEB` (or TGZ, NSIS) in the build dir.
set(CPACK_PACKAGE_NAME "spectray")
set(CPACK_PACKAGE_VENDOR "The Spectray authors")
set(CPACK_PACKAGE_CONTACT "The Spectray authors <${SPECTRAY_MAINTAINER_EMAIL}>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "System audio spectrum in the tray, on the desktop and on the LAN")
# Wrapped below 80 columns: dpkg shows it as is (lintian: extended-description-line-too-long).
set(CPACK_PACKAGE_DESCRIPTION [=[
Spectray captures what the computer plays (the PulseAudio/PipeWire monitor
on Linux, WASAPI loopback on Windows) and shows its spectrum as an animated
tray icon, in a small window and in browsers on the local network. It can
also analyse audio files from the command line.]=])
set(CPACK_PACKAGE_HOMEPAGE_URL "${SPECTRAY_HOMEPAGE}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Spectray")
set(CPACK_PACKAGE_EXECUTABLES "spectray;Spectray")
set(CPACK_STRIP_FILES ON)
set(CPACK_VERBATIM_VARIABLES ON)
if(EXISTS "${PROJECT_SOURCE_DIR}/LICENSE")
  set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
endif()
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build[^/]*/" "/node_modules/")

if(WIN32)
  set(CPACK_GENERATOR "NSIS;ZIP")
  include(${CMAKE_CURRENT_LIST_DIR}/windows/nsis.cmake)
elseif(APPLE)
  set(CPACK_GENERATOR "TGZ")
else()
  set(CPACK_GENERATOR "DEB;TGZ")
  # DEB installs under /usr (CPack's DEB default); the TGZ stays relocatable (bin/, share/).
  # DEB: dependencies come from dpkg-shlibdeps on the installed binary, not from a hand-kept list.
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
  # libmosquitto is loaded at run time (src/outputs/mosquittoapi.*), so dpkg-shlibdeps cannot see it;
  # the shlibdeps result is appended to this.
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "libmosquitto1 (>= 2.0)")
  set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
  set(CPACK_DEBIAN_PACKAGE_SECTION "sound")
  set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
  set(CPACK_DEBIAN_PACKAGE_MAINTAINER "The Spectray authors <${SPECTRAY_MAINTAINER_EMAIL}>")
  # Runtime pieces dpkg-shlibdeps cannot see: Qt loads these as plugins (and its own translations).
  set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-qpa-plugins, libqt6svg6, qt6-translations-l10n, pulseaudio | pipewire-pulse")
  set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
  set(CPACK_DEBIAN_COMPRESSION_TYPE "xz")
endif()

include(CPack)
