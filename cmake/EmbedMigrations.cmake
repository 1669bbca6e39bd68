# dandelion_embed_migrations(target): compiles src/migrations/{sqlite,postgres}/NNNN_name.sql into
# target as raw string literals, so the deployed binary carries its schema and needs no source
# tree. The .cc is regenerated whenever a migration file is added, removed or edited.
function(dandelion_embed_migrations target)
  set(dir ${CMAKE_SOURCE_DIR}/src/migrations)
  file(GLOB sql_files CONFIGURE_DEPENDS ${dir}/sqlite/*.sql ${dir}/postgres/*.sql)
  set(out ${CMAKE_BINARY_DIR}/generated/embedded_migrations.cc)
  set(script ${CMAKE_SOURCE_DIR}/cmake/embed_migrations.cmake)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DMIGRATIONS_DIR=${dir} -DOUTPUT=${out} -P ${script}
    DEPENDS ${sql_files} ${script}
    COMMENT "Embedding SQL migrations"
    VERBATIM)
  target_sources(${target} PRIVATE ${out})
endfunction()
