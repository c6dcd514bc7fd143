package resources

import (
	"github.com/hashicorp/terraform-plugin-framework/list"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
)

// NewDLIFlinkJarJobList returns the list resource of huaweidata_dli_flink_jar_job: the Flink
// job list narrowed (by DLI) to Flink Jar jobs.
func NewDLIFlinkJarJobList() list.ListResource {
	return &dliFlinkJobList{ListBase: framework.NewListBase("dli_flink_jar_job", NewDLIFlinkJarJob), jar: true,
		description: "Finds the Flink Jar jobs of the project"}
}
