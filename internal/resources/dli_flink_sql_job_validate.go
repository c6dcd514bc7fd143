package resources

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/flex"
)

// Defaults of §9.2 that the cross-field rules need when an argument is not configured.
const (
	flinkDefaultRunMode   = "shared_cluster"
	flinkDefaultJobType   = "flink_sql_job"
	flinkDefaultCUs       = 2
	flinkDefaultManagerCU = 1
	flinkDefaultParallel  = 1
)

// flinkJobRules are the documented cross-field rules of a Flink SQL job's placement (§9.2,
// SDK); the resource rules every Flink job has are flinkCapacityRules:
//   - queue_name is given exactly when run_mode is exclusive_cluster (a dedicated queue runs
//     the job; the shared cluster and edge nodes do not take one);
//   - a shared_cluster job is of type flink_sql_job.
type flinkJobRules struct{}

var _ resource.ConfigValidator = flinkJobRules{}

func (flinkJobRules) Description(context.Context) string {
	return "queue_name exactly with run_mode exclusive_cluster; shared_cluster jobs are flink_sql_job"
}

func (r flinkJobRules) MarkdownDescription(ctx context.Context) string { return r.Description(ctx) }

// flinkRuleConfig is the part of the configuration the rules read.
type flinkRuleConfig struct {
	RunMode   types.String `tfsdk:"run_mode"`
	Type      types.String `tfsdk:"type"`
	QueueName types.String `tfsdk:"queue_name"`
}

func (flinkJobRules) ValidateResource(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var c flinkRuleConfig
	for name, dst := range map[string]any{"run_mode": &c.RunMode, "type": &c.Type, "queue_name": &c.QueueName} {
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(name), dst)...)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	fail := func(attr, summary, detail string) {
		resp.Diagnostics.AddAttributeError(path.Root(attr), summary, detail)
	}

	if !c.RunMode.IsUnknown() && !c.QueueName.IsUnknown() {
		runMode := flex.StringOrDefault(c.RunMode, flinkDefaultRunMode)
		switch {
		case runMode == "exclusive_cluster" && c.QueueName.IsNull():
			fail("queue_name", "Missing queue_name",
				"queue_name is required when run_mode is exclusive_cluster: the job runs on that (general-purpose) queue.")
		case runMode != "exclusive_cluster" && !c.QueueName.IsNull():
			fail("queue_name", "queue_name needs run_mode exclusive_cluster",
				fmt.Sprintf("queue_name can only be set when run_mode is exclusive_cluster; run_mode is %s. "+
					"Set run_mode = \"exclusive_cluster\" to run the job on the queue, or remove queue_name.", runMode))
		}
	}
	if !c.RunMode.IsUnknown() && !c.Type.IsUnknown() {
		if runMode, jobType := flex.StringOrDefault(c.RunMode, flinkDefaultRunMode), flex.StringOrDefault(c.Type, flinkDefaultJobType); runMode == "shared_cluster" && jobType != "flink_sql_job" {
			fail("type", "Invalid type for run_mode shared_cluster",
				fmt.Sprintf("A job with run_mode shared_cluster must be of type flink_sql_job, got %s.", jobType))
		}
	}
}
