# Every Flink job template whose name starts with "stream_".
list "huaweidata_dli_flink_template" "stream" {
  provider = huaweidata

  config {
    name_regex = "^stream_"
  }
}
