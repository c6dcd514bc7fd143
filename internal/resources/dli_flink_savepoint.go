package resources

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/mapplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

var _ resource.Resource = (*dliFlinkSavepointResource)(nil)

// savepointDirPattern is an OBS directory bucket/dir/ (obs:// allowed), as
// ExecuteFlinkJobSavepoint takes it.
var savepointDirPattern = regexp.MustCompile(`^(obs://)?[^/\s]+/(\S+/)?$`)

// NewDLIFlinkSavepoint returns the huaweidata_dli_flink_savepoint resource.
func NewDLIFlinkSavepoint() resource.Resource {
	return &dliFlinkSavepointResource{ResourceBase: framework.NewResourceBase("dli_flink_savepoint",
		framework.Timeouts{Create: 20 * time.Minute})}
}

// dliFlinkSavepointResource takes a savepoint of a running Flink job on demand.
type dliFlinkSavepointResource struct {
	framework.ResourceBase
	framework.PlansUnchangedAsPrior
}

// dliFlinkSavepointModel is the Terraform state of huaweidata_dli_flink_savepoint.
type dliFlinkSavepointModel struct {
	ID            types.String   `tfsdk:"id"`
	JobID         types.Int64    `tfsdk:"job_id"`
	Directory     types.String   `tfsdk:"directory"`
	Triggers      types.Map      `tfsdk:"triggers"`
	SavepointPath types.String   `tfsdk:"savepoint_path"`
	Timeouts      timeouts.Value `tfsdk:"timeouts"`
}

func (r *dliFlinkSavepointResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A savepoint of a running DLI Flink job (SQL or Jar), taken on demand (`ExecuteFlinkJobSavepoint`): " +
			"create asks the job for a savepoint into `directory` and waits until it is complete and the job runs again. " +
			"The savepoint becomes the job's latest, which a later restart resumes from (`restart_policy = \"resume_from_savepoint\"`). " +
			"This is an action: every argument replaces it, so change `triggers` to take another savepoint; destroying it only " +
			"removes it from the state (the savepoint stays in OBS). It cannot be imported. The job must be running " +
			"(e.g. `desired_state = \"running\"`), else the create fails.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "`<job_id>/<savepoint_path>`.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"job_id": schema.Int64Attribute{
				MarkdownDescription: "The running job, e.g. `huaweidata_dli_flink_jar_job.x.job_id`. Changing it takes a new savepoint.",
				Required:            true,
				Validators:          []validator.Int64{int64validator.AtLeast(1)},
				PlanModifiers:       []planmodifier.Int64{int64planmodifier.RequiresReplace()},
			},
			"directory": schema.StringAttribute{
				MarkdownDescription: "OBS directory that receives the savepoint, `bucket_name/dir/` (ending in `/`; `obs://` " +
					"may be given). The bucket must be authorized for DLI. Changing it takes a new savepoint.",
				Required:      true,
				PlanModifiers: replace,
				Validators:    []validator.String{stringvalidator.RegexMatches(savepointDirPattern, "must be an OBS directory bucket_name/dir/ ending in /")},
			},
			"triggers": schema.MapAttribute{
				MarkdownDescription: "Arbitrary values; any change takes a new savepoint (replaces this resource).",
				Optional:            true,
				ElementType:         types.StringType,
				PlanModifiers:       []planmodifier.Map{mapplanmodifier.RequiresReplace()},
			},
			"savepoint_path": schema.StringAttribute{
				MarkdownDescription: "Where DLI stored the savepoint: the job's latest savepoint once it was complete.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
		},
		Blocks: map[string]schema.Block{"timeouts": r.Timeouts.Block(ctx)},
	}
}

func (r *dliFlinkSavepointResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan dliFlinkSavepointModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := r.CreateContext(ctx, plan.Timeouts, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	id := plan.JobID.ValueInt64()
	what := fmt.Sprintf("Taking a savepoint of DLI Flink job %d", id)
	// A run or stop in progress settles first; the job must then run.
	job, err := r.Client.WaitForFlinkJob(ctx, id, "to finish its current run or stop request",
		func(s string) bool { return !client.FlinkTransientStatus(s) })
	if err != nil {
		framework.APIError(&resp.Diagnostics, what, err)
		return
	}
	if st := ptr.Deref(job.Status); st != client.FlinkRunning {
		resp.Diagnostics.AddAttributeError(path.Root("job_id"), "Flink job not running",
			fmt.Sprintf("Flink job %d is in status %s: only a running job (job_running) takes a savepoint. Run it first (desired_state = \"running\").", id, st))
		return
	}
	previous := ptr.Deref(job.SavepointPath)
	if err := r.Client.TriggerFlinkSavepoint(ctx, id, plan.Directory.ValueString(), previous); err != nil {
		framework.APIError(&resp.Diagnostics, what, err)
		return
	}
	savepoint, err := r.Client.WaitForFlinkSavepoint(ctx, id, previous)
	if err != nil {
		framework.APIError(&resp.Diagnostics, what, err)
		return
	}
	plan.SavepointPath = types.StringValue(savepoint)
	plan.ID = types.StringValue(strconv.FormatInt(id, 10) + "/" + plan.SavepointPath.ValueString())
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

// Read removes the savepoint from the state when its job is gone; a savepoint itself cannot
// be read.
func (r *dliFlinkSavepointResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	framework.ReadOrRemove(ctx, &r.ResourceBase, req, resp, func(ctx context.Context, m *dliFlinkSavepointModel, diags *diag.Diagnostics) bool {
		_, err := r.Client.ShowFlinkJob(ctx, m.JobID.ValueInt64())
		if client.IsNotFound(err) {
			return false
		}
		if err != nil {
			framework.APIError(diags, fmt.Sprintf("Reading DLI Flink job %d", m.JobID.ValueInt64()), err)
			return false
		}
		return true
	})
}

// Update only records new timeouts: every other argument replaces the savepoint.
func (r *dliFlinkSavepointResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan dliFlinkSavepointModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

// Delete forgets the savepoint; it stays in OBS.
func (r *dliFlinkSavepointResource) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {
}
