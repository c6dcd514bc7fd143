# A queue is imported by its name.
terraform import huaweidata_dli_queue.example analytics
