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
