terraform {
  required_version = ">= 1.11"

  required_providers {
    huaweidata = {
      source = "huaweidata/huaweidata"
    }
  }
}

# Every argument is optional and can also come from the environment:
# HW_REGION_NAME, HW_PROJECT_ID, HW_ACCESS_KEY, HW_SECRET_KEY, HW_SECURITY_TOKEN,
# HW_DLI_ENDPOINT, HW_DATAARTS_ENDPOINT and HW_IAM_ENDPOINT.
provider "huaweidata" {
  region = "cn-north-4"

  # Optional: when omitted, the provider looks the project id of the region up
  # in IAM once, on first use.
  project_id = var.project_id

  # Prefer the HW_ACCESS_KEY / HW_SECRET_KEY environment variables over
  # credentials in configuration.
  access_key = var.access_key
  secret_key = var.secret_key

  # Only for temporary credentials (AK/SK obtained from IAM with a security token).
  security_token = var.security_token

  # Domain of the default endpoints https://<service>.<region>.<cloud>.
  cloud = "myhuaweicloud.com"

  # Override single service endpoints, e.g. for a private VPC endpoint or the
  # local emulator (make emulator).
  endpoints = {
    dli      = "https://dli.cn-north-4.myhuaweicloud.com"
    dataarts = "https://dayu.cn-north-4.myhuaweicloud.com"
    iam      = "https://iam.cn-north-4.myhuaweicloud.com"
  }

  # DataArts Studio instance and workspace for the huaweidata_dataarts_* data sources.
  dataarts = {
    instance_id  = var.dataarts_instance_id
    workspace_id = var.dataarts_workspace_id
  }

  max_retries        = 5     # retries of throttled (429), timed-out and 5xx requests
  rate_limit         = 50    # optional hard cap, requests per second (unset: none)
  consistency_window = "60s" # how long a just-written object may read as not found
  insecure           = false # true skips TLS certificate verification
}

variable "project_id" {
  type    = string
  default = null
}

variable "access_key" {
  type      = string
  sensitive = true
  default   = null
}

variable "secret_key" {
  type      = string
  sensitive = true
  default   = null
}

variable "security_token" {
  type      = string
  sensitive = true
  default   = null
}

variable "dataarts_instance_id" {
  type    = string
  default = null
}

variable "dataarts_workspace_id" {
  type    = string
  default = null
}
