package resources

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/int32validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int32default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/mapplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/planmodifiers"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
)

var (
	_ resource.Resource                     = (*dliFlinkSQLJobResource)(nil)
	_ resource.ResourceWithConfigure        = (*dliFlinkSQLJobResource)(nil)
	_ resource.ResourceWithConfigValidators = (*dliFlinkSQLJobResource)(nil)
	_ resource.ResourceWithModifyPlan       = (*dliFlinkSQLJobResource)(nil)
	_ resource.ResourceWithImportState      = (*dliFlinkSQLJobResource)(nil)
)

// flinkVersions are the Flink versions DLI documents for Flink SQL jobs (SDK).
var flinkVersions = []string{"1.10", "1.12", "1.13", "1.15", "1.17"}

var dirtyDataPattern = regexp.MustCompile(`^(0|1|2:\S.*)$`)

// NewDLIFlinkSQLJob returns the huaweidata_dli_flink_sql_job resource. The first job on a
// new queue takes 6 to 10 minutes to start (§4.4), hence the timeouts.
func NewDLIFlinkSQLJob() resource.Resource {
	return &dliFlinkSQLJobResource{ResourceBase: framework.NewResourceBase("dli_flink_sql_job",
		framework.Timeouts{Create: 30 * time.Minute, Update: 30 * time.Minute, Delete: 20 * time.Minute})}
}

type dliFlinkSQLJobResource struct {
	framework.ResourceBase
}

// lifecycle runs, stops and settles the resource's jobs.
func (r *dliFlinkSQLJobResource) lifecycle() flinkLifecycle {
	return flinkLifecycle{client: r.Client, kind: "Flink SQL job"}
}

func (r *dliFlinkSQLJobResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	const restarts = " Changing it on a running job restarts the job: stop with a savepoint, update, run again (see `restart_policy`)."
	const inPlace = " Updated in place, also while the job runs."
	optInt := func(desc string, def int32, v ...validator.Int32) schema.Int32Attribute {
		return schema.Int32Attribute{MarkdownDescription: desc, Optional: true, Computed: true, Default: int32default.StaticInt32(def), Validators: v}
	}
	optBool := func(desc string) schema.BoolAttribute {
		return schema.BoolAttribute{MarkdownDescription: desc, Optional: true, Computed: true, Default: booldefault.StaticBool(false)}
	}
	computed := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
	}
	computedTime := func(desc string, pm ...planmodifier.String) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true, CustomType: timetypes.RFC3339Type{}, PlanModifiers: pm}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A DLI Flink SQL streaming job and its run state. The job is created, then run " +
			"(`desired_state = \"running\"`, the default) or kept stopped. Settings the service applies to a running job " +
			"are updated in place; any other change to a running job stops it **with a savepoint**, updates it and runs it " +
			"again resuming from that savepoint, so streaming state is kept. Create and update wait until the job runs " +
			"(`job_running`) and fail at once, with the service's status description, when it fails to submit or run. " +
			"Delete stops the job (with a savepoint unless `savepoint_on_delete = false`) and deletes it.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The job id (a number, as a string).",
				Computed:            true,
				PlanModifiers:       keep,
			},
			"job_id": schema.Int64Attribute{
				MarkdownDescription: "The job id.",
				Computed:            true,
				PlanModifiers:       []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "Job name, 1 to 57 characters." + inPlace,
				Required:            true,
				Validators:          []validator.String{stringvalidator.UTF8LengthBetween(1, 57)},
			},
			"description": schema.StringAttribute{
				MarkdownDescription: "Job description, at most 512 characters. Defaults to empty." + inPlace,
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString(""),
				Validators:          []validator.String{stringvalidator.UTF8LengthAtMost(512)},
			},
			"sql": schema.StringAttribute{
				MarkdownDescription: "The Stream SQL statements, at most 1024×1024 characters. They contain at least a source, a query " +
					"(`SELECT`) and a sink (`INSERT INTO`)." + restarts,
				Required:   true,
				Validators: []validator.String{stringvalidator.UTF8LengthBetween(1, 1024*1024), validators.FlinkSQL()},
			},
			"type": schema.StringAttribute{
				MarkdownDescription: "Job type: `flink_sql_job` (default) or `flink_opensource_sql_job`. A `shared_cluster` job must be " +
					"`flink_sql_job`. Changing it replaces the job.",
				Optional:      true,
				Computed:      true,
				Default:       stringdefault.StaticString(flinkDefaultJobType),
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Validators:    []validator.String{stringvalidator.OneOf("flink_sql_job", "flink_opensource_sql_job")},
			},
			"run_mode": schema.StringAttribute{
				MarkdownDescription: "Where the job runs: `shared_cluster` (default), `exclusive_cluster` (on the queue `queue_name`, " +
					"which is then required) or `edge_node`." + restarts,
				Optional:   true,
				Computed:   true,
				Default:    stringdefault.StaticString(flinkDefaultRunMode),
				Validators: []validator.String{stringvalidator.OneOf("shared_cluster", "exclusive_cluster", "edge_node")},
			},
			"queue_name": schema.StringAttribute{
				MarkdownDescription: "The general-purpose queue that runs the job. Required with `run_mode = \"exclusive_cluster\"`, " +
					"not allowed otherwise. The queue must exist and be ready, and have at least `cu_number` CUs, when the job runs." + restarts,
				Optional:   true,
				Validators: []validator.String{validators.QueueName()},
			},
			"cu_number": optInt("Total CUs of the job, management units included (1 CU = 1 core and 4 GB): 2 to 400, "+
				"default 2; at most the queue's CUs."+restarts, flinkDefaultCUs, int32validator.Between(2, 400)),
			"manager_cu_number": optInt("CUs of the management unit (jobmanager): at least 1 and less than `cu_number`, default 1."+restarts,
				flinkDefaultManagerCU, int32validator.AtLeast(1)),
			"parallel_number": optInt("Parallelism: 1 to 2000 and at most 4 × (`cu_number` − `manager_cu_number`), default 1."+restarts,
				flinkDefaultParallel, int32validator.Between(1, 2000)),
			"tm_cus": optInt("CUs per taskmanager: at least 1, default 1."+restarts, 1, int32validator.AtLeast(1)),
			"tm_slot_num": schema.Int32Attribute{
				MarkdownDescription: "Slots per taskmanager, at least 1. When unset DLI computes " +
					"(`parallel_number` × `tm_cus`) / (`cu_number` − `manager_cu_number`)." + restarts,
				Optional:      true,
				Computed:      true,
				Validators:    []validator.Int32{int32validator.AtLeast(1)},
				PlanModifiers: []planmodifier.Int32{planmodifiers.Int32UseStateUnlessChanged("cu_number", "manager_cu_number", "parallel_number", "tm_cus")},
			},
			"checkpoint_enabled": optBool("Take automatic snapshots (checkpoints); needs `obs_bucket`. Default false." + restarts),
			"checkpoint_mode": schema.StringAttribute{
				MarkdownDescription: "Checkpoint mode: `exactly_once` (default; each record is processed once) or `at_least_once`." + restarts,
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString("exactly_once"),
				Validators:          []validator.String{stringvalidator.OneOf("exactly_once", "at_least_once")},
			},
			"checkpoint_interval": optInt("Checkpoint interval in seconds, default 10."+restarts, 10, int32validator.AtLeast(0)),
			"obs_bucket": schema.StringAttribute{
				MarkdownDescription: "OBS bucket, authorized for DLI, where checkpoints (`checkpoint_enabled`) and job logs " +
					"(`log_enabled`) are saved; required by either." + restarts,
				Optional:   true,
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"log_enabled": optBool("Upload the job's logs to `obs_bucket` (required then). Default false." + restarts),
			"smn_topic": schema.StringAttribute{
				MarkdownDescription: "SMN topic that receives an alarm when the job fails." + inPlace,
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"restart_when_exception": optBool("Restart the job automatically after an exception. Default false." + inPlace),
			"idle_state_retention": optInt("How long idle state is kept, in seconds: at least 1, default 3600."+restarts,
				3600, int32validator.AtLeast(1)),
			"dirty_data_strategy": schema.StringAttribute{
				MarkdownDescription: "What to do with dirty data: `0` ignore (default), `1` fail the job, `2:<obs dir>` save it to the OBS directory." + restarts,
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString("0"),
				Validators:          []validator.String{stringvalidator.RegexMatches(dirtyDataPattern, `must be "0", "1" or "2:<obs dir>"`)},
			},
			"udf_jar_url": schema.StringAttribute{
				MarkdownDescription: "UDF jar: the name of a package uploaded to DLI, or an OBS path." + restarts,
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"resume_checkpoint": optBool("Restore from the latest checkpoint when the job restarts after an exception. Default false." + inPlace),
			"resume_max_num": optInt("Maximum restarts after exceptions per hour: `-1` (default, unlimited) or greater than 0."+inPlace,
				-1, int32validator.Any(int32validator.OneOf(-1), int32validator.AtLeast(1))),
			"runtime_config": schema.MapAttribute{
				MarkdownDescription: "Custom Flink runtime parameters (name → value)." + restarts,
				Optional:            true,
				ElementType:         types.StringType,
				Validators:          []validator.Map{mapvalidator.KeysAre(stringvalidator.LengthAtLeast(1))},
			},
			"flink_version": schema.StringAttribute{
				MarkdownDescription: "Flink version: `" + strings.Join(flinkVersions, "`, `") + "`. Chosen by DLI when unset; " +
					"once set, removing it keeps the job's version." + restarts,
				Optional:      true,
				Computed:      true,
				PlanModifiers: keep,
				Validators:    []validator.String{stringvalidator.OneOf(flinkVersions...)},
			},
			"tags": schema.MapAttribute{
				MarkdownDescription: "Job tags (key 1 to 128 characters, value 1 to 255). DLI cannot change the tags of a job and does not " +
					"return them, so they are not refreshed or imported. Changing them replaces the job.",
				Optional:      true,
				ElementType:   types.StringType,
				PlanModifiers: []planmodifier.Map{mapplanmodifier.RequiresReplace()},
				Validators: []validator.Map{
					mapvalidator.KeysAre(stringvalidator.UTF8LengthBetween(1, 128)),
					mapvalidator.ValueStringsAre(stringvalidator.UTF8LengthBetween(1, 255)),
				},
			},
			"desired_state": schema.StringAttribute{
				MarkdownDescription: "`running` (default): the job is run and kept running; a job found stopped or failed is run again. " +
					"`stopped`: the job is created without running, or stopped with a savepoint.",
				Optional:   true,
				Computed:   true,
				Default:    stringdefault.StaticString(flinkDesiredRunning),
				Validators: []validator.String{stringvalidator.OneOf(flinkDesiredRunning, flinkDesiredStopped)},
			},
			"restart_policy": schema.StringAttribute{
				MarkdownDescription: "How a stopped job is run again (after a restarting change, or `desired_state` back to `running`): " +
					"`resume_from_savepoint` (default) restores the latest savepoint; `fresh_start` starts without state. " +
					"Stops always take a savepoint either way.",
				Optional:   true,
				Computed:   true,
				Default:    stringdefault.StaticString(flinkResume),
				Validators: []validator.String{stringvalidator.OneOf(flinkResume, flinkFreshStart)},
			},
			"savepoint_on_delete": schema.BoolAttribute{
				MarkdownDescription: "Take a savepoint when a running job is stopped to be deleted. Default true; false stops without one " +
					"(faster, and possible when a savepoint cannot be taken).",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(true),
			},
			"status":         computed("Job status as DLI reports it, e.g. `job_init`, `job_running`, `job_cancel_success`, `job_submit_fail`, `job_running_exception`."),
			"status_desc":    computed("DLI's description of the status, with the reason of a failure."),
			"savepoint_path": computed("Path of the job's latest savepoint (empty when there is none)."),
			"create_time":    computedTime("When the job was created (RFC 3339, UTC).", keep...),
			"update_time":    computedTime("When the job was last updated (RFC 3339, UTC)."),
			"start_time":     computedTime("When the job was last run (RFC 3339, UTC; null before its first run)."),
		},
		Blocks: map[string]schema.Block{
			"timeouts": r.Timeouts.Block(ctx),
		},
	}
}

func (r *dliFlinkSQLJobResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{flinkJobRules{}, validators.Int32Attributes()}
}

// ModifyPlan plans an update when the job's status is not the desired one (see
// flinkPlanDesiredState).
func (r *dliFlinkSQLJobResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	flinkPlanDesiredState(ctx, req, resp)
}

func (r *dliFlinkSQLJobResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan dliFlinkSQLJobModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := r.CreateContext(ctx, plan.Timeouts, &resp.Diagnostics)
	defer cancel()
	body := plan.createBody(ctx, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}

	id, err := r.Client.CreateFlinkSQLJob(ctx, body)
	if err != nil {
		framework.APIError(&resp.Diagnostics, "Creating DLI Flink SQL job "+body.Name, err)
		return
	}
	// Save the id at once: if running the job fails, it stays in state (tainted) instead of
	// being orphaned in the cloud.
	plan.ID, plan.JobID = types.StringValue(strconv.FormatInt(id, 10)), types.Int64Value(id)
	plan.Status = types.StringValue(client.FlinkInit)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan.withUnknownsNull())...)
	framework.MarkWritten(ctx, resp.Private, &resp.Diagnostics)

	what := "DLI Flink SQL job " + plan.ID.ValueString()
	if plan.DesiredState.ValueString() == flinkDesiredRunning {
		// A job is only run once it is visible: a run request or the wait for it would fail
		// on a job still hidden by the consistency delay.
		probe := plan
		if !framework.ReadBack(ctx, &r.ResourceBase, &probe, r.readInto, what, &resp.Diagnostics) {
			return
		}
		if !r.lifecycle().run(ctx, id, false, &resp.Diagnostics) {
			r.refreshAfterError(ctx, &plan, &resp.State)
			return
		}
	}
	if framework.ReadBack(ctx, &r.ResourceBase, &plan, r.readInto, what, &resp.Diagnostics) {
		resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	}
}

// Read refreshes the job, warning when it failed or was stopped while it should run.
func (r *dliFlinkSQLJobResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	framework.ReadOrRemove(ctx, &r.ResourceBase, req, resp, func(ctx context.Context, m *dliFlinkSQLJobModel, diags *diag.Diagnostics) bool {
		if !r.readInto(ctx, m, diags) {
			return false
		}
		r.lifecycle().warnIfNotDesired(diags, m.ID.ValueString(), m.Name.ValueString(), m.Status.ValueString(),
			m.StatusDesc.ValueString(), m.DesiredState.ValueString())
		return true
	})
}

// Update changes the job in place when it is not running, or when only settings a running
// job takes without a restart change; otherwise it stops the running job with a savepoint,
// updates it, and runs it again (resuming per restart_policy). Then it brings the job to
// desired_state.
func (r *dliFlinkSQLJobResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state dliFlinkSQLJobModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := r.UpdateContext(ctx, plan.Timeouts, &resp.Diagnostics)
	defer cancel()
	change := plan.updateBody(ctx, state, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	plan.ID, plan.JobID = state.ID, state.JobID
	id := state.JobID.ValueInt64()

	t := flinkTransition{
		wantRunning: plan.DesiredState.ValueString() == flinkDesiredRunning,
		resume:      plan.RestartPolicy.ValueString() == flinkResume,
		restart:     change.restart,
		refresh: func(ctx context.Context, updated bool) {
			if updated {
				r.refreshAfterError(ctx, &plan, &resp.State)
			} else {
				r.refreshAfterError(ctx, &state, &resp.State)
			}
		},
	}
	if change.changed {
		t.update = func(ctx context.Context) error {
			if err := r.Client.UpdateFlinkSQLJob(ctx, id, &change.body); err != nil {
				return err
			}
			framework.MarkWritten(ctx, resp.Private, &resp.Diagnostics)
			return nil
		}
	}
	if !r.lifecycle().applyDesiredState(ctx, id, t, &resp.Diagnostics) {
		return
	}
	if framework.ReadBack(ctx, &r.ResourceBase, &plan, r.readInto, "DLI Flink SQL job "+plan.ID.ValueString(), &resp.Diagnostics) {
		resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	}
}

func (r *dliFlinkSQLJobResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state dliFlinkSQLJobModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := r.DeleteContext(ctx, state.Timeouts, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	savepoint := state.SavepointOnDelete.IsNull() || state.SavepointOnDelete.ValueBool()
	r.lifecycle().delete(ctx, state.JobID.ValueInt64(), savepoint, &resp.Diagnostics)
}

// ImportState imports a job by its numeric id.
func (r *dliFlinkSQLJobResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id, err := strconv.ParseInt(strings.TrimSpace(req.ID), 10, 64)
	if err != nil || id <= 0 {
		resp.Diagnostics.AddError("Invalid import id",
			fmt.Sprintf("Import a DLI Flink SQL job by its numeric job id, e.g. `terraform import huaweidata_dli_flink_sql_job.example 1234`; got %q.", req.ID))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), strconv.FormatInt(id, 10))...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("job_id"), id)...)
}

// readInto refreshes m from the job detail (§9.8); it reports false when the job is gone.
func (r *dliFlinkSQLJobResource) readInto(ctx context.Context, m *dliFlinkSQLJobModel, diags *diag.Diagnostics) bool {
	id, err := strconv.ParseInt(m.ID.ValueString(), 10, 64)
	if err != nil {
		diags.AddError("Invalid job id in state", fmt.Sprintf("The id %q of the Flink SQL job is not a number.", m.ID.ValueString()))
		return false
	}
	job, err := r.Client.ShowFlinkJob(ctx, id)
	if client.IsNotFound(err) {
		return false
	}
	if err != nil {
		framework.APIError(diags, "Reading DLI Flink SQL job "+m.ID.ValueString(), err)
		return false
	}
	m.fromAPI(job)
	return true
}

// refreshAfterError records what the job looks like after a failed create or update, so the
// state shows its real status (and a failed run is retried by the next apply). Read errors
// are ignored: the failed step's error is the one reported.
func (r *dliFlinkSQLJobResource) refreshAfterError(ctx context.Context, m *dliFlinkSQLJobModel, st interface {
	Set(context.Context, any) diag.Diagnostics
}) {
	var ignored diag.Diagnostics
	if r.readInto(ctx, m, &ignored) {
		st.Set(ctx, m.withUnknownsNull())
	}
}
