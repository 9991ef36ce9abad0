# Finds LLVM and Clang 19 (Debian's llvm-19-dev / libclang-19-dev) and the
# clang-tidy libraries, linked against the shared clang-cpp and LLVM dylibs so
# links take seconds.
# LLVM's version file also wants major.minor, so ask for the package at
# Debian's llvm-19 prefix and check the major version ourselves.
find_package(LLVM REQUIRED CONFIG
  HINTS /usr/lib/llvm-19/lib/cmake/llvm /usr/lib/llvm-19/cmake NO_DEFAULT_PATH)
if(NOT LLVM_VERSION_MAJOR EQUAL 19)
  message(FATAL_ERROR "boundwise needs LLVM 19, found ${LLVM_PACKAGE_VERSION} at ${LLVM_DIR}")
endif()
# Debian's ClangConfigVersion.cmake wants major.minor to match exactly, so a
# versioned find_package(Clang 19) fails: locate it through LLVM's prefix.
find_package(Clang REQUIRED CONFIG
  HINTS ${LLVM_DIR}/../clang ${LLVM_LIBRARY_DIR}/cmake/clang /usr/lib/cmake/clang-19)
message(STATUS "boundwise: LLVM ${LLVM_PACKAGE_VERSION} at ${LLVM_INSTALL_PREFIX}")

set(BOUNDWISE_CLANG_RESOURCE_DIR "${LLVM_LIBRARY_DIR}/clang/${LLVM_VERSION_MAJOR}")
if(NOT EXISTS "${BOUNDWISE_CLANG_RESOURCE_DIR}/include/stddef.h")
  message(FATAL_ERROR "Clang's builtin headers are missing from ${BOUNDWISE_CLANG_RESOURCE_DIR} "
                      "(Debian: apt-get install libclang-common-19-dev)")
endif()

find_program(BOUNDWISE_FILECHECK FileCheck HINTS ${LLVM_TOOLS_BINARY_DIR} NO_DEFAULT_PATH)
find_program(BOUNDWISE_LIT NAMES lit lit.py llvm-lit
  HINTS ${LLVM_TOOLS_BINARY_DIR} ${LLVM_INSTALL_PREFIX}/build/utils/lit NO_DEFAULT_PATH)
find_program(BOUNDWISE_CLANG_TIDY clang-tidy HINTS ${LLVM_TOOLS_BINARY_DIR} NO_DEFAULT_PATH)
find_program(BOUNDWISE_CLANGXX clang++ HINTS ${LLVM_TOOLS_BINARY_DIR} NO_DEFAULT_PATH)
find_program(BOUNDWISE_APPLY_REPLACEMENTS clang-apply-replacements HINTS ${LLVM_TOOLS_BINARY_DIR} NO_DEFAULT_PATH)

# Compile flags for code that includes LLVM and Clang headers.
add_library(boundwise_llvm_flags INTERFACE)
target_include_directories(boundwise_llvm_flags SYSTEM INTERFACE ${LLVM_INCLUDE_DIRS} ${CLANG_INCLUDE_DIRS})
separate_arguments(_llvm_defs NATIVE_COMMAND "${LLVM_DEFINITIONS}")
target_compile_definitions(boundwise_llvm_flags INTERFACE ${_llvm_defs}
  BOUNDWISE_CLANG_RESOURCE_DIR="${BOUNDWISE_CLANG_RESOURCE_DIR}"
  BOUNDWISE_CLANG_MAJOR="${LLVM_VERSION_MAJOR}")
# GCC 12 reports a false -Wnonnull inside Clang's inline ExternalASTSource code.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  target_compile_options(boundwise_llvm_flags INTERFACE -Wno-nonnull)
endif()
if(NOT LLVM_ENABLE_RTTI)
  target_compile_options(boundwise_llvm_flags INTERFACE -fno-rtti)
endif()
