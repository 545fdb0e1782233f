# Sanctions screening and the seeded stub data (resources/stub). Included from tests/stub/CMakeLists.txt.
bw_add_test(NAME test_sanctions
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_sanctions.cpp
  LIBS bw_stub
  LABELS stub
)
# The test reads the source JSON files as well as the copies compiled into bw_stub, and compares them.
target_compile_definitions(test_sanctions PRIVATE
  BW_STUB_RESOURCES_DIR="${PROJECT_SOURCE_DIR}/resources/stub")
