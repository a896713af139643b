# NSIS installer for Windows (CPack's NSIS generator, NSIS 3). Written and reviewed on Linux; it is
# built only by `cpack -G NSIS` on Windows (see docs/building.md).
#
# - Start menu: CPACK_PACKAGE_EXECUTABLES ("spectray;Spectray") creates Start menu\Spectray\Spectray.lnk.
# - Start at login (optional): the installer asks; "Yes" writes the same Run value the app's own
#   "Start at login" setting uses (src/gui/autostart.cpp: HKCU\...\Run\Spectray), so the user can
#   switch it off in the app later. Silent installs (/S) answer "No".
# - Uninstall removes that value too, so no dangling Run entry points at a deleted exe.
set(CPACK_NSIS_PACKAGE_NAME "Spectray")
set(CPACK_NSIS_DISPLAY_NAME "Spectray ${PROJECT_VERSION}")
set(CPACK_NSIS_URL_INFO_ABOUT "${SPECTRAY_HOMEPAGE}")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MODIFY_PATH OFF)
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\spectray.exe") # verbatim variables: one backslash reaches NSIS
set(CPACK_NSIS_MUI_ICON "${CMAKE_CURRENT_LIST_DIR}/io.github.spectray.Spectray.ico")
set(CPACK_NSIS_MUI_UNIICON "${CMAKE_CURRENT_LIST_DIR}/io.github.spectray.Spectray.ico")
set(CPACK_NSIS_MUI_FINISHPAGE_RUN "spectray.exe")
set(CPACK_NSIS_EXECUTABLES_DIRECTORY "bin")
set(CPACK_NSIS_EXTRA_INSTALL_COMMANDS [=[
  MessageBox MB_YESNO|MB_ICONQUESTION "Start Spectray automatically when you log in to Windows?$\n(You can change this later in Spectray's settings.)" /SD IDNO IDNO spectray_no_autostart
    WriteRegStr HKCU "Software\Microsoft\Windows\CurrentVersion\Run" "Spectray" '"$INSTDIR\bin\spectray.exe"'
  spectray_no_autostart:
]=])
set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS [=[
  DeleteRegValue HKCU "Software\Microsoft\Windows\CurrentVersion\Run" "Spectray"
]=])
