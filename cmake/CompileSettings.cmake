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
