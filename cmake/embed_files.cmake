# Writes OUTPUT as a C++ initializer list of raw string literals, one per file
# in INPUTS (separated by |), so data files ship inside the binary and the plugin.
string(REPLACE "|" ";" INPUTS "${INPUTS}")
set(content "")
foreach(file IN LISTS INPUTS)
  file(READ "${file}" text)
  string(APPEND content "R\"bw_embed(${text})bw_embed\",\n")
endforeach()
file(WRITE "${OUTPUT}.tmp" "${content}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUTPUT}.tmp" "${OUTPUT}")
