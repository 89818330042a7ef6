# One interface target carries the settings every CaseLens target shares.
add_library(caselens_compile_settings INTERFACE)
target_compile_definitions(caselens_compile_settings INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    CASELENS_VERSION="${PROJECT_VERSION}")
target_compile_features(caselens_compile_settings INTERFACE cxx_std_20)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(caselens_compile_settings INTERFACE -Wall -Wextra -Wpedantic)
    if(CASELENS_WARNINGS_AS_ERRORS)
        target_compile_options(caselens_compile_settings INTERFACE -Werror)
    endif()
elseif(MSVC)
    target_compile_options(caselens_compile_settings INTERFACE /W4 /permissive- /utf-8)
    if(CASELENS_WARNINGS_AS_ERRORS)
        target_compile_options(caselens_compile_settings INTERFACE /WX)
    endif()
endif()

# A static library below the widgets (Qt Core + Network only, e.g. the core and
# the loopback server): src/ is its include root, published to whoever links
# it, and it builds with the shared settings without passing them on.
function(caselens_add_headless_library name)
    qt_add_library(${name} STATIC ${ARGN})
    target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(${name}
        PUBLIC Qt6::Core Qt6::Network
        PRIVATE caselens_compile_settings)
    caselens_precompile(${name} HEADLESS)
endfunction()

# --- Precompiled Qt headers (GCC) ---------------------------------------------
# A clean build compiles about 850 files, and most of that time was spent
# parsing the same Qt headers again (CI builds three times: ci, package, asan).
# Two holder targets compile the Qt headers once each, one for the widget-free
# layers and one for the widget layers; every target reuses one of them
# (REUSE_FROM needs the same flags, which caselens_compile_settings gives).
# Only Qt's own headers are in it: QtTest is not (its macros depend on each
# test's QT_TESTCASE_BUILDDIR), nor any CaseLens header (an edit would rebuild
# everything). GCC only: clang refuses a PCH whose macros differ, and the fuzz
# build (clang, no PCH) keeps every header honest about its own includes.
# Off by default, on in the presets CI builds (ci, package, asan): clang-tidy
# and clangd cannot read GCC's .gch files, so run them on a build without it
# (the default or debug preset). docs/performance.md has the figures.
option(CASELENS_PRECOMPILED_HEADERS "Precompile the Qt headers (GCC; faster clean builds)" OFF)
set(caselens_pch_headless_headers
    <QtCore/QObject> <QtCore/QString> <QtCore/QStringList> <QtCore/QList> <QtCore/QHash>
    <QtCore/QByteArray> <QtCore/QDateTime> <QtCore/QTimer> <QtCore/QPointer> <QtCore/QUrl>
    <QtCore/QJsonDocument> <QtCore/QJsonObject> <QtCore/QJsonArray> <QtCore/QJsonValue>
    <QtCore/QVariant> <QtCore/QSettings> <QtCore/QFile> <QtCore/QDir> <QtCore/QLocale>
    <QtCore/QCoreApplication> <QtCore/QLoggingCategory> <QtCore/QRegularExpression>
    <QtCore/QAbstractItemModel> <QtNetwork/QNetworkAccessManager> <QtNetwork/QNetworkReply>
    <QtNetwork/QNetworkRequest> <QtNetwork/QSslConfiguration> <QtNetwork/QTcpServer>
    <QtNetwork/QTcpSocket> <functional> <memory> <optional> <vector> <algorithm>)
set(caselens_pch_widget_headers
    ${caselens_pch_headless_headers}
    <QtGui/QAction> <QtGui/QColor> <QtGui/QFont> <QtGui/QPainter> <QtGui/QPalette>
    <QtGui/QTextDocument> <QtWidgets/QApplication> <QtWidgets/QWidget> <QtWidgets/QLabel>
    <QtWidgets/QPushButton> <QtWidgets/QToolButton> <QtWidgets/QLineEdit> <QtWidgets/QBoxLayout>
    <QtWidgets/QDialog> <QtWidgets/QMainWindow> <QtWidgets/QTabWidget> <QtWidgets/QTreeView>
    <QtWidgets/QTableView> <QtWidgets/QHeaderView> <QtWidgets/QStyle> <QtWidgets/QMenu>)

# caselens_precompile(<target> HEADLESS|WIDGETS): the target reuses the Qt headers.
function(caselens_precompile target layer)
    if(NOT CASELENS_PRECOMPILED_HEADERS OR NOT CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
        return()
    endif()
    string(TOLOWER "${layer}" layer)
    set(holder caselens_pch_${layer})
    if(NOT TARGET ${holder})
        set(source ${PROJECT_BINARY_DIR}/caselens_pch_${layer}.cpp)
        file(CONFIGURE OUTPUT ${source} CONTENT "// Compiles the precompiled Qt headers once (cmake/CompileSettings.cmake).\n")
        add_library(${holder} OBJECT ${source})
        set_target_properties(${holder} PROPERTIES AUTOMOC OFF AUTOUIC OFF AUTORCC OFF)
        target_link_libraries(${holder} PRIVATE Qt6::Core Qt6::Network caselens_compile_settings)
        if(layer STREQUAL "widgets")
            target_link_libraries(${holder} PRIVATE Qt6::Gui Qt6::Widgets)
            target_precompile_headers(${holder} PRIVATE ${caselens_pch_widget_headers})
        else()
            target_precompile_headers(${holder} PRIVATE ${caselens_pch_headless_headers})
        endif()
    endif()
    target_precompile_headers(${target} REUSE_FROM ${holder})
    # A header GCC rejects (a flag or macro that differs) would be parsed again
    # in every file, silently: an error instead.
    target_compile_options(${target} PRIVATE -Winvalid-pch)
endfunction()

# Sanitizers for every target in the build, e.g. "address,undefined" (the asan
# and fuzz presets set this). Global options rather than the interface target:
# every object file and every executable must agree, or linking fails.
set(CASELENS_SANITIZERS "" CACHE STRING "Sanitizers for all targets, as for -fsanitize= (e.g. address,undefined)")
if(CASELENS_SANITIZERS)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
        message(FATAL_ERROR "CASELENS_SANITIZERS needs GCC or Clang")
    endif()
    add_compile_options(-fsanitize=${CASELENS_SANITIZERS} -fno-omit-frame-pointer)
    add_link_options(-fsanitize=${CASELENS_SANITIZERS})
    if(CASELENS_SANITIZERS MATCHES "undefined")
        # Undefined behaviour is an error, not a line in a log nobody reads.
        add_compile_options(-fno-sanitize-recover=undefined)
    endif()
endif()

# libFuzzer: the code under test gets coverage instrumentation; only the fuzz
# targets link the fuzzer runtime (-fsanitize=fuzzer, see tests/fuzz).
if(CASELENS_BUILD_FUZZERS)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "CASELENS_BUILD_FUZZERS needs Clang (libFuzzer); use the fuzz preset")
    endif()
    add_compile_options(-fsanitize=fuzzer-no-link)
endif()

# --- Release hardening (packaging) -------------------------------------------
# Optimised builds on ELF platforms get what Debian's dpkg-buildflags would give
# a package (lintian checks fortify and relro/bindnow on the .deb). Not for
# Debug (_FORTIFY_SOURCE needs optimisation) nor for sanitizer/fuzzer builds.
# -U first: Ubuntu's GCC predefines _FORTIFY_SOURCE, and a plain -D would be a
# redefinition warning, i.e. an error under CASELENS_WARNINGS_AS_ERRORS.
option(CASELENS_HARDENING "Fortify, stack protector and full RELRO in optimised builds (Linux)" ON)
if(CASELENS_HARDENING AND CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang" AND UNIX AND NOT APPLE
   AND NOT CASELENS_SANITIZERS AND NOT CASELENS_BUILD_FUZZERS)
    set(caselens_optimised "$<CONFIG:Release,RelWithDebInfo,MinSizeRel>")
    target_compile_options(caselens_compile_settings INTERFACE
        "$<${caselens_optimised}:-U_FORTIFY_SOURCE;-D_FORTIFY_SOURCE=2>"
        "$<${caselens_optimised}:-fstack-protector-strong;-Wformat;-Werror=format-security>")
    target_link_options(caselens_compile_settings INTERFACE
        "$<${caselens_optimised}:LINKER:-z,relro;LINKER:-z,now>")
endif()
