# Project-wide warnings for our own targets (generated code gets its own, quieter flags).
function(mskc_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wno-unused-parameter)
endfunction()
