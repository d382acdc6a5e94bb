# install.cmake: what `cmake --install` puts in place besides hcsc and
# hcsc-report.so (issue 13): libhcsc shared and static, hcsc.h, hcsc.pc,
# the CMake package (find_package(hcsc): hcsc::hcsc, hcsc::hcsc_static),
# the man pages hcsc(1) and hcsc-description(5), bash and zsh completion.
# Included from CMakeLists.txt off Windows.
include(CMakePackageConfigHelpers)

# libhcsc.so: the API of hcsc.h and what it reaches in hcsc_lib; every
# other name stays hidden (C_VISIBILITY_PRESET; tests/scripts/install.sh
# checks with nm).
add_library(hcsc_shared SHARED ${CMAKE_CURRENT_SOURCE_DIR}/src/api/api.c)
set_target_properties(hcsc_shared PROPERTIES
  OUTPUT_NAME hcsc EXPORT_NAME hcsc C_VISIBILITY_PRESET hidden
  VERSION ${PROJECT_VERSION} SOVERSION ${PROJECT_VERSION_MAJOR})
target_include_directories(hcsc_shared PUBLIC
  $<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}/include>
  $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
target_link_libraries(hcsc_shared PRIVATE hcsc_lib)

# The installed libhcsc.a: hcsc_lib as one relocatable object whose only
# global definitions are the hcsc_ names, so a static consumer cannot
# clash with an internal name (arena_new, strbuf_add, ...).
set(HCSC_STATIC_DIST ${CMAKE_CURRENT_BINARY_DIR}/dist/libhcsc.a)
add_custom_command(OUTPUT ${HCSC_STATIC_DIST}
  COMMAND ${CMAKE_COMMAND} -E make_directory dist
  COMMAND ${CMAKE_COMMAND} -E rm -f dist/libhcsc.a dist/libhcsc.o
  COMMAND ${CMAKE_LINKER} -r --whole-archive $<TARGET_FILE:hcsc_lib> -o dist/libhcsc.o
  COMMAND ${CMAKE_OBJCOPY} --wildcard --keep-global-symbol=hcsc_* dist/libhcsc.o
  COMMAND ${CMAKE_AR} rcs dist/libhcsc.a dist/libhcsc.o
  DEPENDS hcsc_lib
  WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}
  VERBATIM)
add_custom_target(hcsc_static_dist ALL DEPENDS ${HCSC_STATIC_DIST})

# hcsc(1) is made from `hcsc --help` at build time, so it cannot drift
# from the option table; hcsc-description(5) is written by hand.
set(HCSC_MAN1 ${CMAKE_CURRENT_BINARY_DIR}/man/hcsc.1)
add_custom_command(OUTPUT ${HCSC_MAN1}
  COMMAND ${CMAKE_COMMAND} -E make_directory man
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/man/gen_man.sh $<TARGET_FILE:hcsc> man/hcsc.1
  DEPENDS hcsc ${CMAKE_CURRENT_SOURCE_DIR}/man/gen_man.sh
  WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}
  VERBATIM)
add_custom_target(hcsc_man ALL DEPENDS ${HCSC_MAN1})

# hcsc.pc and hcscConfig.cmake find the prefix from where they are
# installed, so `cmake --install --prefix DIR` and a .deb both work.
file(RELATIVE_PATH HCSC_PC_TO_PREFIX ${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig
     ${CMAKE_INSTALL_PREFIX})
string(REGEX REPLACE "/$" "" HCSC_PC_TO_PREFIX "${HCSC_PC_TO_PREFIX}")
configure_file(${CMAKE_CURRENT_SOURCE_DIR}/pkg/hcsc.pc.in
               ${CMAKE_CURRENT_BINARY_DIR}/pkg/hcsc.pc @ONLY)
configure_package_config_file(${CMAKE_CURRENT_SOURCE_DIR}/pkg/hcscConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/pkg/hcscConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/hcsc)
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/pkg/hcscConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)

install(TARGETS hcsc_shared EXPORT hcscTargets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(FILES ${HCSC_STATIC_DIST} DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(FILES ${CMAKE_CURRENT_SOURCE_DIR}/include/hcsc.h
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/pkg/hcsc.pc
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
install(EXPORT hcscTargets NAMESPACE hcsc::
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/hcsc)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/pkg/hcscConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/pkg/hcscConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/hcsc)
install(FILES ${HCSC_MAN1} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${CMAKE_CURRENT_SOURCE_DIR}/man/hcsc-description.5
        DESTINATION ${CMAKE_INSTALL_MANDIR}/man5)
install(FILES ${CMAKE_CURRENT_SOURCE_DIR}/completion/hcsc.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME hcsc)
install(FILES ${CMAKE_CURRENT_SOURCE_DIR}/completion/_hcsc
        DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/site-functions)
