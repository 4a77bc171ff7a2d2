# One CTest test per NAME.cmd in the calling folder: `mskc <arguments in NAME.cmd>` run by
# run_cli.sh, compared with NAME.stdout / NAME.stderr / NAME.exit (NAME.stdin is the input).
function(mskc_cli_tests prefix)
  file(GLOB _cmds ${CMAKE_CURRENT_SOURCE_DIR}/*.cmd)
  foreach(cmd ${_cmds})
    get_filename_component(name ${cmd} NAME_WE)
    file(READ ${cmd} _args)
    string(STRIP "${_args}" _args)
    separate_arguments(_args UNIX_COMMAND "${_args}")
    add_test(NAME ${prefix}.${name}
      COMMAND ${PROJECT_SOURCE_DIR}/tests/cli/repl/run_cli.sh $<TARGET_FILE:mskc>
              ${CMAKE_CURRENT_SOURCE_DIR} ${name} ${_args})
  endforeach()
endfunction()
