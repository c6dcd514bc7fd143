# The project's one DLI agency: DLI may use OBS and create VPC peerings for
# enhanced connections. Declare it once per project. Destroying it removes all
# roles from the agency.
resource "huaweidata_dli_agency" "this" {
  roles = ["obs_adm", "vpc_netadm"]
}
