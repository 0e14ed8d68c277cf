# Helpers shared by every module's CMakeLists.txt.
find_package(GTest REQUIRED)
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
include(GoogleTest)

# verbinder_test(NAME SOURCES a.cpp b.cpp LIBS x y [LABELS unit] [TIMEOUT s] [DB_SUITE])
# Adds a GoogleTest executable and registers it with CTest as one test, run with
# the source directory as working directory so tests can read data by relative path.
function(verbinder_test name)
  cmake_parse_arguments(T "DB_SUITE" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE ${T_LIBS} GTest::gtest GTest::gtest_main Threads::Threads)
  if(NOT T_LABELS)
    set(T_LABELS unit)
  endif()
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 300)
  endif()
  add_test(NAME ${name} COMMAND ${name} WORKING_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR})
  # testing::TempDir() of each test run: its own folder in this build, never a
  # name shared in /tmp with the SQLite/PostgreSQL twin or another checkout's
  # tests running at the same time (CI beside a developer's run).
  set(T_TMP ${CMAKE_BINARY_DIR}/test-tmp/${name})
  file(MAKE_DIRECTORY ${T_TMP})
  set_tests_properties(${name} PROPERTIES LABELS "${T_LABELS}" TIMEOUT ${T_TIMEOUT}
    ENVIRONMENT "VERBINDER_SOURCE_DIR=${PROJECT_SOURCE_DIR};VERBINDER_BINARY=$<TARGET_FILE_DIR:verbinder>/verbinder;TEST_TMPDIR=${T_TMP}")
  # DB_SUITE: the same suite runs again on PostgreSQL (label pg); scripts/test.sh
  # starts a throw-away cluster and exports VERBINDER_TEST_PG_URL.
  if(T_DB_SUITE)
    add_test(NAME ${name}_pg COMMAND ${name} WORKING_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR})
    file(MAKE_DIRECTORY ${T_TMP}_pg)
    # RESOURCE_LOCK: all PostgreSQL suites share one database and wipe its schema.
    set_tests_properties(${name}_pg PROPERTIES LABELS "pg" TIMEOUT ${T_TIMEOUT} RESOURCE_LOCK postgres
      ENVIRONMENT "VERBINDER_TEST_BACKEND=postgres;VERBINDER_SOURCE_DIR=${PROJECT_SOURCE_DIR};VERBINDER_BINARY=$<TARGET_FILE_DIR:verbinder>/verbinder;TEST_TMPDIR=${T_TMP}_pg")
  endif()
endfunction()
