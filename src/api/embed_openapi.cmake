file(READ ${SRC} doc)
file(WRITE ${OUT}.tmp "// Generated from src/api/openapi.json — do not edit.\n#include \"api/openapi.h\"\nnamespace verbinder::api {\nconst std::string& OpenApiDocument() {\n  static const std::string k = R\"vbjson(${doc})vbjson\";\n  return k;\n}\n}  // namespace verbinder::api\n")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different ${OUT}.tmp ${OUT})
