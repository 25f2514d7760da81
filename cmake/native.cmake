# Native build: the portable core and its unit tests, with ASan and UBSan.
option(WUTRAY_SANITIZE "Build native tests with ASan and UBSan" ON)
set_target_properties(wutray_core PROPERTIES C_EXTENSIONS OFF)
target_link_libraries(wutray_core PUBLIC m) # icon_art.c
if(WUTRAY_SANITIZE)
  set(san -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_compile_options(wutray_core PUBLIC ${san})
  target_link_options(wutray_core PUBLIC ${san})
endif()

file(GLOB core_tests CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/core/test_*.c)
foreach(src ${core_tests})
  get_filename_component(name ${src} NAME_WE)
  add_executable(${name} ${src})
  target_link_libraries(${name} PRIVATE wutray_core)
  target_include_directories(${name} PRIVATE ${CMAKE_SOURCE_DIR}/tests)
  add_test(NAME core.${name} COMMAND ${name})
endforeach()

# The Group Policy template (policy/) agrees with the settings table.
add_executable(settings_dump tests/core/settings_dump.c)
target_link_libraries(settings_dump PRIVATE wutray_core)
add_test(NAME core.admx COMMAND bash ${CMAKE_SOURCE_DIR}/tests/core/admx_test.sh $<TARGET_FILE:settings_dump>
         ${CMAKE_SOURCE_DIR}/policy)
set_tests_properties(core.admx PROPERTIES PASS_REGULAR_EXPRESSION ": [0-9]+ passed, 0 failed")

# docs/admin.md's policy and event tables and the fleet files (installer/wef,
# installer/intune) agree with the code.
add_test(NAME core.admin_docs COMMAND bash ${CMAKE_SOURCE_DIR}/tests/core/admin_docs_test.sh
         $<TARGET_FILE:settings_dump> ${CMAKE_SOURCE_DIR})
set_tests_properties(core.admin_docs PROPERTIES PASS_REGULAR_EXPRESSION ": [0-9]+ passed, 0 failed")

# Each string ID once (the resource compiler accepts duplicates silently).
add_test(NAME core.msg_ids COMMAND bash ${CMAKE_SOURCE_DIR}/tests/core/msg_ids_test.sh ${CMAKE_SOURCE_DIR})
set_tests_properties(core.msg_ids PROPERTIES PASS_REGULAR_EXPRESSION ": [0-9]+ passed, 0 failed")

# Every language of res/lang/ (and policy/*/wutray.adml) is complete and safe to format.
add_test(NAME core.lang COMMAND bash ${CMAKE_SOURCE_DIR}/tests/core/lang_test.sh ${CMAKE_SOURCE_DIR})
set_tests_properties(core.lang PROPERTIES PASS_REGULAR_EXPRESSION ": [0-9]+ passed, 0 failed")
