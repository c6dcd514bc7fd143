# Every global variable whose name starts with "env_". Values are never listed.
list "huaweidata_dli_global_variable" "env" {
  provider = huaweidata

  config {
    name_regex = "^env_"
  }
}
