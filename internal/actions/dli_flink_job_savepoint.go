package actions

import (
	"context"
	"fmt"
	"regexp"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

var _ action.ActionWithConfigure = (*dliFlinkJobSavepointAction)(nil)

// savepointDirRe is an OBS directory: a bucket name, then optional path segments, with or
// without the obs:// scheme.
var savepointDirRe = regexp.MustCompile(`^(obs://)?[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/[^/\s]+)*/?$`)

// NewDLIFlinkJobSavepoint returns the huaweidata_dli_flink_job_savepoint action.
func NewDLIFlinkJobSavepoint() action.Action {
	return &dliFlinkJobSavepointAction{ActionBase: framework.NewActionBase("dli_flink_job_savepoint", 30*time.Minute)}
}

type dliFlinkJobSavepointAction struct {
	framework.ActionBase
}

type dliFlinkJobSavepointModel struct {
	JobID         types.Int64          `tfsdk:"job_id"`
	SavepointPath types.String         `tfsdk:"savepoint_path"`
	Wait          types.Bool           `tfsdk:"wait"`
	Timeout       timetypes.GoDuration `tfsdk:"timeout"`
}

func (a *dliFlinkJobSavepointAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Triggers a savepoint of a running DLI Flink job (its state, written to OBS) and, unless " +
			"`wait = false`, waits until the savepoint is complete and the job runs on. The job keeps running; a " +
			"later run with `resume_savepoint` (or `restart_policy = \"resume_from_savepoint\"` of " +
			"`huaweidata_dli_flink_sql_job`) can start from it. A job that is not running fails the invocation.",
		Attributes: map[string]schema.Attribute{
			"job_id": schema.Int64Attribute{
				MarkdownDescription: "The Flink job's id, e.g. `huaweidata_dli_flink_sql_job.x.job_id`.",
				Required:            true,
				Validators:          []validator.Int64{int64validator.AtLeast(1)},
			},
			"savepoint_path": schema.StringAttribute{
				MarkdownDescription: "The OBS directory the savepoint is written to, `bucket/dir/` (an `obs://` prefix is " +
					"accepted and dropped). DLI adds a directory of its own per savepoint under it.",
				Required: true,
				Validators: []validator.String{stringvalidator.RegexMatches(savepointDirRe,
					"must be an OBS directory: a bucket name (3 to 63 lowercase letters, digits, dots and hyphens), then optional path segments, e.g. my-bucket/savepoints/")},
			},
			"wait": schema.BoolAttribute{
				MarkdownDescription: "Whether the invocation waits until the savepoint is complete. Defaults to `true`.",
				Optional:            true,
			},
			"timeout": a.TimeoutAttribute(),
		},
	}
}

func (a *dliFlinkJobSavepointAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var m dliFlinkJobSavepointModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := a.Invocation(ctx, m.Timeout, resp)
	defer cancel()
	id := m.JobID.ValueInt64()
	what := fmt.Sprintf("Triggering a savepoint of DLI Flink job %d", id)
	job, err := a.Client.ShowFlinkJob(ctx, id)
	if err != nil {
		framework.APIError(&resp.Diagnostics, what, err)
		return
	}
	previous := ptr.Deref(job.SavepointPath)
	if err := a.Client.TriggerFlinkSavepoint(ctx, id, m.SavepointPath.ValueString(), previous); err != nil {
		framework.APIError(&resp.Diagnostics, what, err)
		return
	}
	framework.Progress(resp, "Savepoint of Flink job %d triggered into %s", id, m.SavepointPath.ValueString())
	if !m.Wait.IsNull() && !m.Wait.ValueBool() {
		return
	}
	path, err := a.Client.WaitForFlinkSavepoint(ctx, id, previous)
	if err != nil {
		framework.APIError(&resp.Diagnostics, fmt.Sprintf("Waiting for the savepoint of DLI Flink job %d", id), err)
		return
	}
	framework.Progress(resp, "Savepoint of Flink job %d complete: %s", id, path)
}
