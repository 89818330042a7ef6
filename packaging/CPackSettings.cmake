# CPack settings for every installer CaseLens ships; included last from
# packaging/CMakeLists.txt. `cpack` in the build directory uses CPACK_GENERATOR
# (DEB and, where rpmbuild exists, RPM on Linux; NSIS on Windows; DragNDrop on
# macOS); `cpack -G <generator>` picks one.

# Values are written to CPackConfig.cmake exactly as set here (backslashes in
# the NSIS commands below stay single backslashes).
set(CPACK_VERBATIM_VARIABLES ON)

set(CPACK_PACKAGE_NAME "CaseLens")
set(CPACK_PACKAGE_VENDOR "The CaseLens developers")
set(CPACK_PACKAGE_CONTACT "The CaseLens developers <packaging@caselens.app>")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
# Lower case and without an article: it is the .deb synopsis.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "viewer for Sweeppea support tickets")
# The long description; lines stay under 80 columns for dpkg and lintian.
set(CPACK_PACKAGE_DESCRIPTION
"CaseLens shows a Sweeppea support ticket in one window: subject, status,
priority, the requester, the description, the notes, the activity
statistics, the collaborators and the files. Type or paste a case number,
or open a caselens:// link, and the whole ticket is there at once.

The API key is kept in the system keychain (Secret Service, for example
GNOME Keyring, or KWallet), never in a file. Ticket text is sanitised
before it is shown, and no remote content is loaded.

The package also contains caselens-cli, a command-line client that fetches
tickets as text or JSON for scripts.")
# WiX wants a .txt or .rtf licence; NSIS and DragNDrop take it as well.
configure_file(${PROJECT_SOURCE_DIR}/LICENSE ${CMAKE_CURRENT_BINARY_DIR}/LICENSE.txt COPYONLY)
set(CPACK_RESOURCE_FILE_LICENSE "${CMAKE_CURRENT_BINARY_DIR}/LICENSE.txt")
# Fixed names (not "CaseLens 0.1.0"): a new version installs over the old one.
set(CPACK_PACKAGE_INSTALL_DIRECTORY "CaseLens")
set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY "CaseLens")
set(CPACK_PACKAGE_EXECUTABLES "caselens;CaseLens")
set(CPACK_PACKAGE_CHECKSUM SHA256)
set(CPACK_THREADS 2)
set(CPACK_SOURCE_IGNORE_FILES "/\\.git/" "/build/" "/\\.cache/")

# --- Linux: .deb and .rpm -----------------------------------------------------
if(UNIX AND NOT APPLE)
    set(CPACK_GENERATOR DEB)
    find_program(CASELENS_RPMBUILD rpmbuild)
    if(CASELENS_RPMBUILD)
        list(APPEND CPACK_GENERATOR RPM)
    endif()
    # Release builds carry no debug info, but still a symbol table: strip it
    # (lintian: unstripped-binary-or-object).
    set(CPACK_STRIP_FILES ON)
    set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
endif()

# caselens_<version>_<arch>.deb. The version has no Debian revision: the
# package is "native" to lintian, so the changelog is changelog.gz.
set(CPACK_DEBIAN_PACKAGE_NAME "caselens")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "utils")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
# dpkg-shlibdeps (package dpkg-dev) computes the library dependencies.
# QtKeychain opens libsecret with dlopen, so shlibdeps cannot see it, and
# libqt6keychain1 does not depend on it either: it is named here.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libsecret-1-0")
# Qt's own translations (qtbase_*.qm: standard buttons, context menus) are
# loaded beside CaseLens's when present; Debian ships them separately.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager, qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)

set(CPACK_RPM_PACKAGE_NAME "caselens")
set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
set(CPACK_RPM_PACKAGE_SUMMARY "Viewer for Sweeppea support tickets")
set(CPACK_RPM_PACKAGE_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION}")
set(CPACK_RPM_PACKAGE_LICENSE "MIT")
set(CPACK_RPM_PACKAGE_GROUP "Applications/Productivity")
set(CPACK_RPM_PACKAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_RPM_PACKAGE_AUTOREQ ON)
set(CPACK_RPM_PACKAGE_REQUIRES "libsecret")
set(CPACK_RPM_PACKAGE_SUGGESTS "gnome-keyring, qt6-qttranslations")
# Directories that belong to the filesystem or icon-theme packages.
set(CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
    /usr/share/applications
    /usr/share/metainfo
    /usr/share/man
    /usr/share/man/man1
    /usr/share/icons
    /usr/share/icons/hicolor
    /usr/share/icons/hicolor/scalable
    /usr/share/icons/hicolor/scalable/apps)
foreach(size IN LISTS caselens_icon_sizes)
    list(APPEND CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
        /usr/share/icons/hicolor/${size}x${size}
        /usr/share/icons/hicolor/${size}x${size}/apps)
endforeach()
set(CPACK_RPM_SPEC_MORE_DEFINE "%define _build_id_links none")
set(CPACK_PACKAGE_RELOCATABLE OFF)
set(CPACK_RPM_COMPRESSION_TYPE xz)

# --- Windows: NSIS installer (WiX settings kept for an MSI) -------------------
if(WIN32)
    set(CPACK_GENERATOR NSIS)
    set(CPACK_PACKAGE_FILE_NAME "CaseLens-${PROJECT_VERSION}-win64")
    # A 64-bit program: C:\Program Files, not C:\Program Files (x86).
    set(CPACK_NSIS_INSTALL_ROOT "$PROGRAMFILES64")
endif()
file(TO_NATIVE_PATH "${CMAKE_CURRENT_SOURCE_DIR}/windows/caselens.ico" caselens_ico)
set(CPACK_NSIS_PACKAGE_NAME "CaseLens")
set(CPACK_NSIS_DISPLAY_NAME "CaseLens")
set(CPACK_NSIS_MUI_ICON "${caselens_ico}")
set(CPACK_NSIS_MUI_UNIICON "${caselens_ico}")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\caselens.exe")
set(CPACK_NSIS_EXECUTABLES_DIRECTORY "bin")
set(CPACK_NSIS_MUI_FINISHPAGE_RUN "caselens.exe")
set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_HELP_LINK "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_CONTACT "packaging@caselens.app")
set(CPACK_NSIS_MANIFEST_DPI_AWARE ON)
# Upgrade in place: the fixed registry key above finds the old version and
# its uninstaller runs before the new files are copied.
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
# Offers to put bin\ (caselens-cli.exe) on PATH.
set(CPACK_NSIS_MODIFY_PATH ON)
# caselens://ticket/HYXTNJV opens CaseLens with the link as its argument.
# SHCTX is HKLM for an all-users install and HKCU for a per-user one.
set(CPACK_NSIS_EXTRA_INSTALL_COMMANDS [=[
  WriteRegStr SHCTX "Software\Classes\caselens" "" "URL:CaseLens Protocol"
  WriteRegStr SHCTX "Software\Classes\caselens" "URL Protocol" ""
  WriteRegStr SHCTX "Software\Classes\caselens\DefaultIcon" "" '"$INSTDIR\bin\caselens.exe",0'
  WriteRegStr SHCTX "Software\Classes\caselens\shell\open\command" "" '"$INSTDIR\bin\caselens.exe" "%1"'
]=])
set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS [=[
  DeleteRegKey SHCTX "Software\Classes\caselens"
]=])

# An MSI (cpack -G WIX) upgrades in place through this fixed code; never change it.
set(CPACK_WIX_UPGRADE_GUID "C1B3F227-F37D-4042-9D0E-64ACBDBF5029")
set(CPACK_WIX_PRODUCT_ICON "${CMAKE_CURRENT_SOURCE_DIR}/windows/caselens.ico")
set(CPACK_WIX_PROGRAM_MENU_FOLDER "CaseLens")

# --- macOS: a .dmg with CaseLens.app and a link to /Applications --------------
if(APPLE)
    set(CPACK_GENERATOR DragNDrop)
    set(CPACK_PACKAGE_FILE_NAME "CaseLens-${PROJECT_VERSION}-macos-${CMAKE_SYSTEM_PROCESSOR}")
    set(CPACK_DMG_VOLUME_NAME "CaseLens")
    set(CPACK_DMG_FORMAT UDZO)
    # No click-through licence on the image (Apple deprecated SLAs in .dmg).
    set(CPACK_DMG_SLA_USE_RESOURCE_FILE_LICENSE OFF)
endif()

include(CPack)
