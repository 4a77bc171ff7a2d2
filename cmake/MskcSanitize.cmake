# MSKC_SANITIZE=address,undefined builds every target of the project under the named clang
# sanitizers (configure with CMAKE_CXX_COMPILER=clang++-19; see tools/scripts/sanitize.sh).
# MSKC_FUZZ=ON additionally instruments for libFuzzer and builds tests/fuzz (tools/scripts/fuzz.sh).
#
# Why these flags:
#  - -fno-sanitize=vptr: LLVM 19 is built without RTTI, so the vptr check cannot link/work.
#  - -fno-sanitize-recover=all: a UBSan report aborts, so undefined behaviour fails the test
#    instead of scrolling by in a log.
#  - -fno-omit-frame-pointer: whole stacks in reports (RelWithDebInfo keeps -O2 -g).
# LLVM, ANTLR, SQLite and libpq are system libraries and stay uninstrumented; that only means
# errors inside them are not seen, not false reports.
set(MSKC_SANITIZE "" CACHE STRING "Comma-separated clang sanitizers for the whole build (e.g. address,undefined)")
option(MSKC_FUZZ "Instrument for libFuzzer and build the fuzz targets in tests/fuzz (clang only)" OFF)

if(MSKC_FUZZ AND MSKC_SANITIZE STREQUAL "")
  set(MSKC_SANITIZE "address,undefined" CACHE STRING "" FORCE)
endif()

if(NOT MSKC_SANITIZE STREQUAL "")
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "MSKC_SANITIZE/MSKC_FUZZ need clang (e.g. -DCMAKE_CXX_COMPILER=clang++-19)")
  endif()
  set(_mskc_san "-fsanitize=${MSKC_SANITIZE}")
  if(MSKC_FUZZ)
    # Libraries get coverage instrumentation only; libFuzzer's main is linked into the fuzz
    # targets alone (tests/fuzz/CMakeLists.txt adds -fsanitize=fuzzer there).
    set(_mskc_san "${_mskc_san},fuzzer-no-link")
  endif()
  add_compile_options(${_mskc_san} -fno-sanitize=vptr -fno-sanitize-recover=all
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=${MSKC_SANITIZE} -fno-sanitize=vptr)
endif()
