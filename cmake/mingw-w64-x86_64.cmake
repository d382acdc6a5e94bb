# mingw-w64-x86_64.cmake: cross-compile hcsc for 64-bit Windows with
# Debian's mingw-w64 (gcc-mingw-w64-x86-64-win32) and run what it builds
# under Wine (reference/windows-build.md §1.4, §4). Dependencies come from
# CMAKE_PREFIX_PATH (scripts/windows-deps.sh builds them there).
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(HCSC_MINGW_TRIPLE x86_64-w64-mingw32)

set(CMAKE_C_COMPILER ${HCSC_MINGW_TRIPLE}-gcc)
set(CMAKE_RC_COMPILER ${HCSC_MINGW_TRIPLE}-windres)
set(CMAKE_OBJDUMP ${HCSC_MINGW_TRIPLE}-objdump)

# The sysroot, plus the dependency prefix (a package config under
# CMAKE_PREFIX_PATH must be inside the find root, windows-build.md §1.4.4).
set(CMAKE_FIND_ROOT_PATH /usr/${HCSC_MINGW_TRIPLE} ${CMAKE_PREFIX_PATH})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# Tests given as `add_test(COMMAND <target>)` run under Wine.
if(NOT CMAKE_CROSSCOMPILING_EMULATOR)
  find_program(HCSC_WINE NAMES wine wine64 wine-stable)
  if(HCSC_WINE)
    set(CMAKE_CROSSCOMPILING_EMULATOR ${HCSC_WINE})
  endif()
endif()

# pkg-config must see only the cross-built dependencies.
if(CMAKE_PREFIX_PATH)
  list(GET CMAKE_PREFIX_PATH 0 _hcsc_dep_prefix)
  set(ENV{PKG_CONFIG_LIBDIR} "${_hcsc_dep_prefix}/lib/pkgconfig")
  set(ENV{PKG_CONFIG_PATH} "")
endif()
