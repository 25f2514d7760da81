# Cross build for Windows (mingw-w64): the adapters, both programs, the test
# fixtures and the Windows-side tests, which ctest runs through Wine.
enable_language(RC)
set(CMAKE_RC_FLAGS "${CMAKE_RC_FLAGS} -I${CMAKE_SOURCE_DIR}/src/core -I${CMAKE_SOURCE_DIR}/res -I${CMAKE_BINARY_DIR}/generated")
add_compile_definitions(UNICODE _UNICODE WIN32_LEAN_AND_MEAN _WIN32_WINNT=0x0A00 NTDDI_VERSION=0x0A000000)
# Build hardening (issue 11, item 7): a stack protector and fortified string
# functions in all C code, wutray_core included (made before this file). Both
# need GCC's libssp: -fstack-protector-strong at link adds -lssp_nonshared -lssp
# (GCC's link_ssp spec) and -static takes libssp.a, so no libssp-0.dll ships.
# Built for size: a tray program's speed is the Windows calls it waits on, and
# -Os instead of -O3 takes about 44 KB off wutray.exe (docs/benchmarks.md).
set(CMAKE_C_FLAGS_RELEASE "-Os -DNDEBUG")
set(win_harden -fstack-protector-strong -D_FORTIFY_SOURCE=2)
add_compile_options("$<$<COMPILE_LANGUAGE:C>:${win_harden}>")
target_compile_options(wutray_core PRIVATE ${win_harden})
add_link_options(-fstack-protector-strong)
# ASLR with 64-bit entropy, and DEP: binutils 2.40 sets them by default, said
# here so a toolchain whose defaults differ cannot drop them (tests/win/pe_test.sh).
set(win_link -municode -static -Wl,--dynamicbase,--high-entropy-va,--nxcompat)
set(win_libs comctl32 shell32 shlwapi advapi32 ole32 oleaut32 user32 gdi32 uuid)

add_library(wutray_win STATIC
  src/win/console.c
  src/win/dialog.c
  src/win/eventlog.c
  src/win/runas.c
  src/win/netcost.c
  src/win/os.c
  src/win/pcinfo.c
  src/win/regsettings.c
  src/win/regwatch.c
  src/win/scm.c
  src/win/settings_dialog.c
  src/win/shell.c
  src/win/strings.c
  src/win/tray.c
  src/win/trayicon.c
  src/win/watch.c
  src/win/wua.c
  src/win/wulog.c
  src/win/wureg.c)
target_include_directories(wutray_win PUBLIC src/win)
target_include_directories(wutray_win PRIVATE res) # the dialog's and the icons' resource IDs
target_link_libraries(wutray_win PUBLIC wutray_core ${win_libs})

add_library(wutray_app STATIC src/app/check.c src/app/report.c src/app/report_details.c src/app/report_json.c)
target_include_directories(wutray_app PUBLIC src/app res)
target_link_libraries(wutray_app PUBLIC wutray_win)

# The event log's message table (res/events.mc), compiled into wutray.exe,
# which the event source names as its message file.
find_program(WINDMC NAMES x86_64-w64-mingw32-windmc windmc REQUIRED)
# One message table per language (the LanguageNames line of events.mc).
set(event_bins MSG00409 MSG00407 MSG0040C MSG00C0A)
list(TRANSFORM event_bins PREPEND ${CMAKE_BINARY_DIR}/generated/)
list(TRANSFORM event_bins APPEND .bin)
add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/generated/events.rc ${event_bins}
  COMMAND ${WINDMC} -r ${CMAKE_BINARY_DIR}/generated -h ${CMAKE_BINARY_DIR}/generated ${CMAKE_SOURCE_DIR}/res/events.mc
  DEPENDS ${CMAKE_SOURCE_DIR}/res/events.mc)

# The string tables (res/strings.rc, one file per language in res/lang/),
# compressed: windres compiles them, and scripts/strpack.c, built for this
# machine, packs each language into generated/strings-LLLL.bin and writes
# generated/strings_packed.rc, which res/common.rc includes (src/core/strtab.h).
find_program(HOST_CC NAMES cc gcc clang REQUIRED NO_CMAKE_FIND_ROOT_PATH)
set(strpack ${CMAKE_BINARY_DIR}/host/strpack)
set(strpack_sources ${CMAKE_SOURCE_DIR}/scripts/strpack.c ${CMAKE_SOURCE_DIR}/src/core/lz.c
    ${CMAKE_SOURCE_DIR}/src/core/strtab.c)
add_custom_command(OUTPUT ${strpack}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/host
  COMMAND ${HOST_CC} -std=c11 -O2 -Wall -Wextra -Werror -I${CMAKE_SOURCE_DIR}/src/core -o ${strpack} ${strpack_sources}
  DEPENDS ${strpack_sources} ${CMAKE_SOURCE_DIR}/src/core/lz.h ${CMAKE_SOURCE_DIR}/src/core/strtab.h
  COMMENT "Building strpack (for this machine)" VERBATIM)
file(GLOB lang_files CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/res/lang/*.rc)
add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/generated/strings_packed.rc
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/generated
  COMMAND ${CMAKE_RC_COMPILER} -I${CMAKE_SOURCE_DIR}/src/core -I${CMAKE_SOURCE_DIR}/res -O res
          -o ${CMAKE_BINARY_DIR}/generated/strings.res ${CMAKE_SOURCE_DIR}/res/strings.rc
  COMMAND ${strpack} ${CMAKE_BINARY_DIR}/generated/strings.res ${CMAKE_BINARY_DIR}/generated
  DEPENDS ${strpack} ${lang_files} ${CMAKE_SOURCE_DIR}/res/strings.rc ${CMAKE_SOURCE_DIR}/src/core/msg.h
          ${CMAKE_SOURCE_DIR}/src/core/msg_errors.h
  COMMENT "Packing the string tables" VERBATIM)
add_custom_target(strings_packed DEPENDS ${CMAKE_BINARY_DIR}/generated/strings_packed.rc)

add_executable(wutray WIN32 src/app/tray_main.c src/app/elevated_side.c src/app/worker.c res/wutray.rc)
target_link_libraries(wutray PRIVATE wutray_app)
target_link_options(wutray PRIVATE ${win_link} -mwindows)

add_executable(wutray-cli src/app/cli_main.c res/cli.rc)
target_link_libraries(wutray-cli PRIVATE wutray_app)
target_link_options(wutray-cli PRIVATE ${win_link})

set_source_files_properties(res/wutray.rc res/cli.rc PROPERTIES OBJECT_DEPENDS
  "${CMAKE_BINARY_DIR}/generated/events.rc;${event_bins};${CMAKE_BINARY_DIR}/generated/strings_packed.rc;${CMAKE_SOURCE_DIR}/src/core/msg_errors.h;${CMAKE_SOURCE_DIR}/res/common.rc;${CMAKE_SOURCE_DIR}/res/settings.rc;${CMAKE_SOURCE_DIR}/res/resource.h;${CMAKE_SOURCE_DIR}/res/icons/app.ico;${CMAKE_SOURCE_DIR}/res/wutray.manifest;${CMAKE_SOURCE_DIR}/src/core/msg.h")

# Test fixtures: a fake service, a service set-up tool, a keep-alive.
foreach(fx fakesvc svctool sleeper traypoke procstat)
  add_executable(${fx} tests/fixtures/${fx}.c)
  target_link_options(${fx} PRIVATE ${win_link})
  target_link_libraries(${fx} PRIVATE advapi32 shell32 user32)
endforeach()
# Every string of the programs' table in one language (tests/win/strings_test.sh).
add_executable(strdump tests/fixtures/strdump.c res/cli.rc)
target_link_libraries(strdump PRIVATE wutray_win)
target_link_options(strdump PRIVATE ${win_link})
# Reads another program's dialog: its controls, their state and whether their texts fit.
add_executable(dlgpeek tests/fixtures/dlgpeek.c)
target_link_options(dlgpeek PRIVATE ${win_link})
target_link_libraries(dlgpeek PRIVATE user32 gdi32)
# The smallest tray program, the floor of bench/footprint_bench.sh; stripped
# like the shipped programs, so their sizes compare.
add_executable(mintray WIN32 tests/fixtures/mintray.c tests/fixtures/mintray.rc)
target_link_options(mintray PRIVATE ${win_link} -mwindows $<$<CONFIG:Release,MinSizeRel>:-s>)
target_link_libraries(mintray PRIVATE shell32 user32)
add_executable(urilog WIN32 tests/fixtures/urilog.c)
target_link_options(urilog PRIVATE ${win_link} -mwindows)
target_link_libraries(urilog PRIVATE shell32)

# A DLL to plant beside the programs (tests/win/planting_test.sh).
add_library(planted SHARED tests/fixtures/planted.c)
set_target_properties(planted PROPERTIES PREFIX "")
target_link_options(planted PRIVATE -static -Wl,--kill-at)
add_executable(plantprobe tests/fixtures/plantprobe.c)
target_link_options(plantprobe PRIVATE ${win_link})
target_link_libraries(plantprobe PRIVATE wevtapi)

# What the update adapters read, printed (the stand-in tests compare it).
add_executable(updates_dump tests/fixtures/updates_dump.c)
target_link_libraries(updates_dump PRIVATE wutray_win)
target_link_options(updates_dump PRIVATE ${win_link})
add_executable(pcinfo_dump tests/fixtures/pcinfo_dump.c)
target_link_libraries(pcinfo_dump PRIVATE wutray_win)
target_link_options(pcinfo_dump PRIVATE ${win_link})

# Stand-ins for what Wine stubs (tests/standins/README.md): a native wuapi.dll
# and wevtapi.dll that serve a scenario folder; tests/standins/use.sh installs
# them into a prefix. Built as build/win/standins/{wuapi,wevtapi}.dll.
foreach(dll wuapi wevtapi slc)
  add_library(standin_${dll} SHARED tests/standins/${dll}/${dll}.c tests/standins/common/scenario.c
              tests/standins/${dll}/${dll}.def)
  set_target_properties(standin_${dll} PROPERTIES OUTPUT_NAME ${dll} PREFIX ""
                        RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/standins)
  target_include_directories(standin_${dll} PRIVATE tests/standins/common)
  target_link_options(standin_${dll} PRIVATE -static -Wl,--enable-stdcall-fixup)
  target_link_libraries(standin_${dll} PRIVATE ole32 oleaut32 uuid advapi32)
endforeach()

# Windows-side tests, run by ctest through Wine (CMAKE_CROSSCOMPILING_EMULATOR).
file(GLOB win_tests CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/win/test_*.c)
foreach(src ${win_tests})
  get_filename_component(name ${src} NAME_WE)
  add_executable(${name} ${src} res/cli.rc)
  target_include_directories(${name} PRIVATE ${CMAKE_SOURCE_DIR}/tests)
  target_link_libraries(${name} PRIVATE wutray_app)
  target_link_options(${name} PRIVATE ${win_link})
  add_test(NAME win.${name} COMMAND ${name})
  # The summary line, not only the exit code: a program that crashes under
  # Wine (winedbg prints its report) can still end with exit code 0.
  set_tests_properties(win.${name} PROPERTIES PASS_REGULAR_EXPRESSION ": [0-9]+ passed, 0 failed")
endforeach()
file(GLOB win_scripts CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/win/*_test.sh)
foreach(script ${win_scripts})
  get_filename_component(name ${script} NAME_WE)
  add_test(NAME win.${name} COMMAND bash ${script} ${CMAKE_BINARY_DIR})
endforeach()

# The MSI (installer/wutray.wxs), built by installer/make-msi.sh with wixl and
# msibuild from msitools.
find_program(WIXL wixl)
find_program(MSIBUILD msibuild)
if(WIXL AND MSIBUILD)
  add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/wutray.msi
    COMMAND bash ${CMAKE_SOURCE_DIR}/installer/make-msi.sh ${PROJECT_VERSION} ${CMAKE_BINARY_DIR}
            ${CMAKE_BINARY_DIR}/wutray.msi
    DEPENDS wutray wutray-cli ${CMAKE_SOURCE_DIR}/installer/wutray.wxs ${CMAKE_SOURCE_DIR}/installer/make-msi.sh
            ${CMAKE_SOURCE_DIR}/res/icons/app.ico
    COMMENT "Building wutray.msi")
  add_custom_target(msi ALL DEPENDS ${CMAKE_BINARY_DIR}/wutray.msi)
endif()

# Authenticode (scripts/sign.sh, osslsigncode), only when a certificate is
# given: both programs are signed right after they link, so the MSI packs
# signed ones, and the MSI after it is built. Without one (the default) nothing
# is signed.
set(WUTRAY_SIGN_CERT "" CACHE FILEPATH "Code-signing certificate: PEM (with WUTRAY_SIGN_KEY) or PKCS#12 (.p12/.pfx); empty: unsigned")
set(WUTRAY_SIGN_KEY "" CACHE FILEPATH "The PEM private key of WUTRAY_SIGN_CERT")
set(WUTRAY_SIGN_PASS_FILE "" CACHE FILEPATH "A file holding the password of the key or PKCS#12 file")
set(WUTRAY_SIGN_TIMESTAMP_URL "" CACHE STRING "RFC 3161 timestamp server (osslsigncode -ts); empty: no timestamp")
if(WUTRAY_SIGN_CERT)
  find_program(OSSLSIGNCODE osslsigncode REQUIRED)
  set(sign bash ${CMAKE_SOURCE_DIR}/scripts/sign.sh --cert ${WUTRAY_SIGN_CERT})
  if(WUTRAY_SIGN_KEY)
    list(APPEND sign --key ${WUTRAY_SIGN_KEY})
  endif()
  if(WUTRAY_SIGN_PASS_FILE)
    list(APPEND sign --pass-file ${WUTRAY_SIGN_PASS_FILE})
  endif()
  if(WUTRAY_SIGN_TIMESTAMP_URL)
    list(APPEND sign --ts ${WUTRAY_SIGN_TIMESTAMP_URL})
  endif()
  foreach(exe wutray wutray-cli)
    add_custom_command(TARGET ${exe} POST_BUILD COMMAND ${sign} $<TARGET_FILE:${exe}> VERBATIM)
  endforeach()
  if(TARGET msi)
    add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/wutray.msi APPEND COMMAND ${sign} ${CMAKE_BINARY_DIR}/wutray.msi)
  endif()
endif()

# The winget manifests (installer/winget), from the finished (signed) MSI: its
# ProductCode, UpgradeCode and SHA256, into winget/ of the build folder. InstallerUrl is where
# a release's MSI will be downloaded from ({version} stands for the version);
# the default is a placeholder, as no download location exists yet.
set(WUTRAY_INSTALLER_URL "https://TODO-release-location.invalid/wutray/{version}/wutray.msi"
    CACHE STRING "The released MSI's download URL for the winget manifests ({version}: the version)")
if(TARGET msi)
  set(winget_dir ${CMAKE_BINARY_DIR}/winget)
  set(winget_in ${CMAKE_SOURCE_DIR}/installer/winget)
  set(winget_files)
  foreach(part yaml installer.yaml locale.en-US.yaml)
    list(APPEND winget_files ${winget_dir}/wutray.wutray.${part})
  endforeach()
  add_custom_command(OUTPUT ${winget_files}
    COMMAND bash ${winget_in}/make-manifests.sh ${PROJECT_VERSION} ${CMAKE_BINARY_DIR}/wutray.msi
            ${WUTRAY_INSTALLER_URL} ${winget_dir}
    DEPENDS ${CMAKE_BINARY_DIR}/wutray.msi ${winget_in}/make-manifests.sh ${winget_in}/wutray.wutray.yaml.in
            ${winget_in}/wutray.wutray.installer.yaml.in ${winget_in}/wutray.wutray.locale.en-US.yaml.in
    COMMENT "Writing the winget manifests"
    VERBATIM)
  add_custom_target(winget ALL DEPENDS ${winget_files})
  add_dependencies(winget msi)
endif()

# Build hardening, the shipped programs: stripped at link (the symbol table,
# and the debug info that comes with mingw-w64's static CRT), so the signing
# right after linking (above) signs the final file. The test programs keep
# their symbols for winedbg's backtraces, as do Debug and RelWithDebInfo builds.
foreach(exe wutray wutray-cli)
  target_link_options(${exe} PRIVATE $<$<CONFIG:Release,MinSizeRel>:-s>)
endforeach()
