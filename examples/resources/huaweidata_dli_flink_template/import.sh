# A Flink job template is imported by its numeric template id.
terraform import huaweidata_dli_flink_template.region_totals 12
