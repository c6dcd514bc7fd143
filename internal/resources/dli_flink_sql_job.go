package resources

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/mapplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/flex"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

var (
	_ resource.Resource                     = (*dliFlinkSQLJobResource)(nil)
	_ resource.ResourceWithConfigure        = (*dliFlinkSQLJobResource)(nil)
	_ resource.ResourceWithConfigValidators = (*dliFlinkSQLJobResource)(nil)
	_ resource.ResourceWithModifyPlan       = (*dliFlinkSQLJobResource)(nil)
	_ resource.ResourceWithImportState      = (*dliFlinkSQLJobResource)(nil)
)

// Flink job timeouts: the first job on a new queue takes 6 to 10 minutes to start (§4.4).
const (
	flinkCreateTimeout = 30 * time.Minute
	flinkUpdateTimeout = 30 * time.Minute
	flinkDeleteTimeout = 20 * time.Minute
)

// Values of desired_state and restart_policy.
const (
	flinkDesiredRunning = "running"
	flinkDesiredStopped = "stopped"
	flinkResume         = "resume_from_savepoint"
	flinkFreshStart     = "fresh_start"
)

// flinkInPlace are the §9.3 body fields that change a running job without a restart: job
// metadata and the exception-handling settings the service applies to the running job (the
// vendor's own provider updates these in place). Any other change restarts a running job.
var flinkInPlace = map[string]bool{
	"name": true, "desc": true, "smn_topic": true, "restart_when_exception": true,
	"resume_checkpoint": true, "resume_max_num": true,
}

// flinkVersions are the Flink versions DLI documents for Flink SQL jobs (SDK).
var flinkVersions = []string{"1.10", "1.12", "1.13", "1.15", "1.17"}

// NewDLIFlinkSQLJob returns the huaweidata_dli_flink_sql_job resource.
func NewDLIFlinkSQLJob() resource.Resource { return &dliFlinkSQLJobResource{} }

type dliFlinkSQLJobResource struct {
	client *client.Client
}

func (r *dliFlinkSQLJobResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_dli_flink_sql_job"
}

func (r *dliFlinkSQLJobResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	const restarts = " Changing it on a running job restarts the job: stop with a savepoint, update, run again (see `restart_policy`)."
	const inPlace = " Updated in place, also while the job runs."
	optInt := func(desc string, def int64, v ...validator.Int64) schema.Int64Attribute {
		return schema.Int64Attribute{MarkdownDescription: desc, Optional: true, Computed: true, Default: int64default.StaticInt64(def), Validators: v}
	}
	optBool := func(desc string) schema.BoolAttribute {
		return schema.BoolAttribute{MarkdownDescription: desc, Optional: true, Computed: true, Default: booldefault.StaticBool(false)}
	}
	computed := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
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
				Validators:          []validator.String{stringvalidator.LengthBetween(1, 57)},
			},
			"description": schema.StringAttribute{
				MarkdownDescription: "Job description, at most 512 characters. Defaults to empty." + inPlace,
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString(""),
				Validators:          []validator.String{stringvalidator.LengthAtMost(512)},
			},
			"sql": schema.StringAttribute{
				MarkdownDescription: "The Stream SQL statements, at most 1024×1024 characters. They contain at least a source, a query " +
					"(`SELECT`) and a sink (`INSERT INTO`)." + restarts,
				Required:   true,
				Validators: []validator.String{stringvalidator.LengthBetween(1, 1024*1024), flinkSQLShape()},
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
				Validators: []validator.String{queueName()},
			},
			"cu_number": optInt("Total CUs of the job, management units included (1 CU = 1 core and 4 GB): 2 to 400, "+
				"default 2; at most the queue's CUs."+restarts, flinkDefaultCUs, int64validator.Between(2, 400)),
			"manager_cu_number": optInt("CUs of the management unit (jobmanager): at least 1 and less than `cu_number`, default 1."+restarts,
				flinkDefaultManagerCU, int64validator.AtLeast(1)),
			"parallel_number": optInt("Parallelism: 1 to 2000 and at most 4 × (`cu_number` − `manager_cu_number`), default 1."+restarts,
				flinkDefaultParallel, int64validator.Between(1, 2000)),
			"tm_cus": optInt("CUs per taskmanager: at least 1, default 1."+restarts, 1, int64validator.AtLeast(1)),
			"tm_slot_num": schema.Int64Attribute{
				MarkdownDescription: "Slots per taskmanager, at least 1. When unset DLI computes " +
					"(`parallel_number` × `tm_cus`) / (`cu_number` − `manager_cu_number`)." + restarts,
				Optional:      true,
				Computed:      true,
				Validators:    []validator.Int64{int64validator.AtLeast(1)},
				PlanModifiers: []planmodifier.Int64{tmSlotNumPlan{}},
			},
			"checkpoint_enabled": optBool("Take automatic snapshots (checkpoints); needs `obs_bucket`. Default false." + restarts),
			"checkpoint_mode": schema.StringAttribute{
				MarkdownDescription: "Checkpoint mode: `exactly_once` (default; each record is processed once) or `at_least_once`." + restarts,
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString("exactly_once"),
				Validators:          []validator.String{stringvalidator.OneOf("exactly_once", "at_least_once")},
			},
			"checkpoint_interval": optInt("Checkpoint interval in seconds, default 10."+restarts, 10, int64validator.AtLeast(0)),
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
				3600, int64validator.AtLeast(1)),
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
				-1, int64validator.Any(int64validator.OneOf(-1), int64validator.AtLeast(1))),
			"runtime_config": schema.MapAttribute{
				MarkdownDescription: "Custom Flink runtime parameters (name → value)." + restarts,
				Optional:            true,
				ElementType:         types.StringType,
				Validators:          []validator.Map{mapvalidator.KeysAre(stringvalidator.LengthAtLeast(1))},
			},
			"flink_version": schema.StringAttribute{
				MarkdownDescription: "Flink version: " + strings.Join(quoted(flinkVersions), ", ") + ". Chosen by DLI when unset; " +
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
					mapvalidator.KeysAre(stringvalidator.LengthBetween(1, 128)),
					mapvalidator.ValueStringsAre(stringvalidator.LengthBetween(1, 255)),
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
			"create_time":    schema.StringAttribute{MarkdownDescription: "When the job was created (RFC 3339, UTC).", Computed: true, PlanModifiers: keep},
			"update_time":    computed("When the job was last updated (RFC 3339, UTC)."),
			"start_time":     computed("When the job was last run (RFC 3339, UTC; empty before its first run)."),
		},
		Blocks: map[string]schema.Block{
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Update: true, Delete: true}),
		},
	}
}

func (r *dliFlinkSQLJobResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (r *dliFlinkSQLJobResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{flinkJobRules{}}
}

// ModifyPlan plans an update when the job's status is not the desired one (e.g. it was
// stopped out of band, or failed): the computed values that such an update changes become
// unknown, so Terraform calls Update, which runs or stops the job.
func (r *dliFlinkSQLJobResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || req.State.Raw.IsNull() {
		return
	}
	var status, desired types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("status"), &status)...)
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("desired_state"), &desired)...)
	if resp.Diagnostics.HasError() || desired.IsUnknown() || flinkStatusSatisfies(status.ValueString(), desired.ValueString()) {
		return
	}
	for _, name := range []string{"status", "status_desc", "savepoint_path", "update_time", "start_time"} {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root(name), types.StringUnknown())...)
	}
}

// flinkStatusSatisfies reports whether a job in status is where desired_state wants it.
func flinkStatusSatisfies(status, desired string) bool {
	if desired == flinkDesiredRunning {
		return status == client.FlinkRunning
	}
	switch status {
	case client.FlinkInit, client.FlinkCancelSuccess, client.FlinkSubmitFail, client.FlinkRunException, client.FlinkFinish:
		return true // not running
	}
	return false
}

func (r *dliFlinkSQLJobResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan dliFlinkSQLJobModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, plan.Timeouts.Create, flinkCreateTimeout, &resp.Diagnostics)
	defer cancel()
	body := plan.createBody(ctx, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}

	id, err := r.client.CreateFlinkSQLJob(ctx, body)
	if err != nil {
		apiError(&resp.Diagnostics, "Creating DLI Flink SQL job "+body.Name, err)
		return
	}
	// Save the id at once: if running the job fails, it stays in state (tainted) instead of
	// being orphaned in the cloud.
	plan.ID, plan.JobID = types.StringValue(strconv.FormatInt(id, 10)), types.Int64Value(id)
	plan.Status = types.StringValue(client.FlinkInit)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan.withUnknownsNull())...)

	if plan.DesiredState.ValueString() == flinkDesiredRunning {
		if !r.run(ctx, id, false, &resp.Diagnostics) {
			r.refreshAfterError(ctx, &plan, &resp.State)
			return
		}
	}
	if r.readInto(ctx, &plan, &resp.Diagnostics) {
		resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	}
}

func (r *dliFlinkSQLJobResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state dliFlinkSQLJobModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if found := r.readInto(ctx, &state, &resp.Diagnostics); !found {
		if !resp.Diagnostics.HasError() {
			resp.State.RemoveResource(ctx)
		}
		return
	}
	status := state.Status.ValueString()
	if client.FlinkFailureStatus(status) || (status == client.FlinkCancelSuccess && state.DesiredState.ValueString() == flinkDesiredRunning) {
		resp.Diagnostics.AddWarning(fmt.Sprintf("DLI Flink job %s is %s", state.ID.ValueString(), status),
			fmt.Sprintf("Flink SQL job %q (id %s) is in status %s%s, but desired_state is %s. The next apply brings it back to %s.",
				state.Name.ValueString(), state.ID.ValueString(), status, descSuffix(state.StatusDesc.ValueString()),
				state.DesiredState.ValueString(), state.DesiredState.ValueString()))
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

func descSuffix(desc string) string {
	if desc == "" {
		return ""
	}
	return " (" + desc + ")"
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
	ctx, cancel := withTimeout(ctx, plan.Timeouts.Update, flinkUpdateTimeout, &resp.Diagnostics)
	defer cancel()
	changes := plan.changedFields(ctx, state, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	plan.ID, plan.JobID = state.ID, state.JobID
	id := state.JobID.ValueInt64()

	job, ok := r.settle(ctx, id, &resp.Diagnostics)
	if !ok {
		return
	}
	status := ptr.Deref(job.Status)
	wantRunning := plan.DesiredState.ValueString() == flinkDesiredRunning
	// job_cancel_fail: a stop failed and the job may still run; it is stopped again first.
	isRunning := status == client.FlinkRunning || status == client.FlinkCancelFail
	restartChange := false
	for name := range changes {
		restartChange = restartChange || !flinkInPlace[name]
	}
	if isRunning && (restartChange || !wantRunning || status == client.FlinkCancelFail) {
		if !r.stop(ctx, id, true, &resp.Diagnostics) {
			r.refreshAfterError(ctx, &state, &resp.State)
			return
		}
		isRunning = false
	}
	if len(changes) > 0 {
		if err := r.client.UpdateFlinkSQLJob(ctx, id, changes); err != nil {
			apiError(&resp.Diagnostics, "Updating DLI Flink SQL job "+state.ID.ValueString(), err)
			r.refreshAfterError(ctx, &state, &resp.State)
			return
		}
	}
	if wantRunning && !isRunning {
		resume := false
		if plan.RestartPolicy.ValueString() == flinkResume {
			j, err := r.client.ShowFlinkJob(ctx, id)
			if err != nil {
				apiError(&resp.Diagnostics, "Reading DLI Flink SQL job "+state.ID.ValueString(), err)
				return
			}
			resume = ptr.Deref(j.SavepointPath) != "" || ptr.Deref(j.HasSavepoint)
		}
		if !r.run(ctx, id, resume, &resp.Diagnostics) {
			r.refreshAfterError(ctx, &plan, &resp.State)
			return
		}
	}
	if r.readInto(ctx, &plan, &resp.Diagnostics) {
		resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	}
}

func (r *dliFlinkSQLJobResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state dliFlinkSQLJobModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, state.Timeouts.Delete, flinkDeleteTimeout, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.JobID.ValueInt64()

	job, err := r.client.ShowFlinkJob(ctx, id)
	if client.IsNotFound(err) {
		return
	}
	if err != nil {
		apiError(&resp.Diagnostics, "Reading DLI Flink SQL job "+state.ID.ValueString(), err)
		return
	}
	if client.FlinkTransientStatus(ptr.Deref(job.Status)) {
		var ok bool
		if job, ok = r.settle(ctx, id, &resp.Diagnostics); !ok {
			return
		}
	}
	if status := ptr.Deref(job.Status); status == client.FlinkRunning || status == client.FlinkCancelFail {
		savepoint := state.SavepointOnDelete.IsNull() || state.SavepointOnDelete.ValueBool()
		if !r.stop(ctx, id, savepoint, &resp.Diagnostics) {
			if savepoint {
				resp.Diagnostics.AddError("Flink job not deleted",
					"The job was not deleted because stopping it with a savepoint failed. Set savepoint_on_delete = false to delete it without a savepoint.")
			}
			return
		}
	}
	if err := r.client.DeleteFlinkJob(ctx, id); err != nil {
		apiError(&resp.Diagnostics, "Deleting DLI Flink SQL job "+state.ID.ValueString(), err)
		return
	}
	if err := r.client.WaitForFlinkJobDeleted(ctx, id); err != nil {
		apiError(&resp.Diagnostics, "Waiting for DLI Flink SQL job "+state.ID.ValueString()+" to be deleted", err)
	}
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

// settle waits until no run or stop request of the job is in progress and returns the job.
func (r *dliFlinkSQLJobResource) settle(ctx context.Context, id int64, diags *diag.Diagnostics) (*model.FlinkJob, bool) {
	job, err := r.client.WaitForFlinkJob(ctx, id, "to finish its current run or stop request",
		func(s string) bool { return !client.FlinkTransientStatus(s) })
	if err != nil {
		apiError(diags, fmt.Sprintf("Waiting for DLI Flink SQL job %d", id), err)
		return nil, false
	}
	return job, true
}

// run runs the job (resuming from its latest savepoint when resume is set) and waits until
// it is running.
func (r *dliFlinkSQLJobResource) run(ctx context.Context, id int64, resume bool, diags *diag.Diagnostics) bool {
	if err := r.client.RunFlinkJob(ctx, id, resume); err != nil {
		apiError(diags, fmt.Sprintf("Running DLI Flink SQL job %d", id), err)
		return false
	}
	if _, err := r.client.WaitForFlinkJob(ctx, id, "to run", func(s string) bool { return s == client.FlinkRunning }); err != nil {
		apiError(diags, fmt.Sprintf("Running DLI Flink SQL job %d", id), err)
		return false
	}
	return true
}

// stop stops the job (taking a savepoint first when savepoint is set) and waits until it is
// stopped.
func (r *dliFlinkSQLJobResource) stop(ctx context.Context, id int64, savepoint bool, diags *diag.Diagnostics) bool {
	if err := r.client.StopFlinkJob(ctx, id, savepoint); err != nil {
		apiError(diags, fmt.Sprintf("Stopping DLI Flink SQL job %d", id), err)
		return false
	}
	// job_init also means stopped: the vendor's provider accepts it after a stop (§Ambiguities 8).
	stopped := func(s string) bool { return s == client.FlinkCancelSuccess || s == client.FlinkInit }
	if _, err := r.client.WaitForFlinkJob(ctx, id, "to stop", stopped); err != nil {
		apiError(diags, fmt.Sprintf("Stopping DLI Flink SQL job %d", id), err)
		return false
	}
	return true
}

// refreshAfterError records what the job looks like after a failed create or update, so the
// state shows its real status (and a failed run is retried by the next apply).
func (r *dliFlinkSQLJobResource) refreshAfterError(ctx context.Context, m *dliFlinkSQLJobModel, st interface {
	Set(context.Context, any) diag.Diagnostics
}) {
	var ignored diag.Diagnostics
	if r.readInto(ctx, m, &ignored) {
		st.Set(ctx, m.withUnknownsNull())
	}
}

// readInto refreshes m from the job detail (§9.8); it reports false when the job is gone.
func (r *dliFlinkSQLJobResource) readInto(ctx context.Context, m *dliFlinkSQLJobModel, diags *diag.Diagnostics) bool {
	id, err := strconv.ParseInt(m.ID.ValueString(), 10, 64)
	if err != nil {
		diags.AddError("Invalid job id in state", fmt.Sprintf("The id %q of the Flink SQL job is not a number.", m.ID.ValueString()))
		return false
	}
	job, err := r.client.ShowFlinkJob(ctx, id)
	if client.IsNotFound(err) {
		return false
	}
	if err != nil {
		apiError(diags, "Reading DLI Flink SQL job "+m.ID.ValueString(), err)
		return false
	}
	m.fromAPI(job)
	return true
}

// dliFlinkSQLJobModel is the Terraform state of huaweidata_dli_flink_sql_job.
type dliFlinkSQLJobModel struct {
	ID                   types.String   `tfsdk:"id"`
	JobID                types.Int64    `tfsdk:"job_id"`
	Name                 types.String   `tfsdk:"name"`
	Description          types.String   `tfsdk:"description"`
	SQL                  types.String   `tfsdk:"sql"`
	Type                 types.String   `tfsdk:"type"`
	RunMode              types.String   `tfsdk:"run_mode"`
	QueueName            types.String   `tfsdk:"queue_name"`
	CUNumber             types.Int64    `tfsdk:"cu_number"`
	ManagerCUNumber      types.Int64    `tfsdk:"manager_cu_number"`
	ParallelNumber       types.Int64    `tfsdk:"parallel_number"`
	TmCUs                types.Int64    `tfsdk:"tm_cus"`
	TmSlotNum            types.Int64    `tfsdk:"tm_slot_num"`
	CheckpointEnabled    types.Bool     `tfsdk:"checkpoint_enabled"`
	CheckpointMode       types.String   `tfsdk:"checkpoint_mode"`
	CheckpointInterval   types.Int64    `tfsdk:"checkpoint_interval"`
	ObsBucket            types.String   `tfsdk:"obs_bucket"`
	LogEnabled           types.Bool     `tfsdk:"log_enabled"`
	SmnTopic             types.String   `tfsdk:"smn_topic"`
	RestartWhenException types.Bool     `tfsdk:"restart_when_exception"`
	IdleStateRetention   types.Int64    `tfsdk:"idle_state_retention"`
	DirtyDataStrategy    types.String   `tfsdk:"dirty_data_strategy"`
	UdfJarURL            types.String   `tfsdk:"udf_jar_url"`
	ResumeCheckpoint     types.Bool     `tfsdk:"resume_checkpoint"`
	ResumeMaxNum         types.Int64    `tfsdk:"resume_max_num"`
	RuntimeConfig        types.Map      `tfsdk:"runtime_config"`
	FlinkVersion         types.String   `tfsdk:"flink_version"`
	Tags                 types.Map      `tfsdk:"tags"`
	DesiredState         types.String   `tfsdk:"desired_state"`
	RestartPolicy        types.String   `tfsdk:"restart_policy"`
	SavepointOnDelete    types.Bool     `tfsdk:"savepoint_on_delete"`
	Status               types.String   `tfsdk:"status"`
	StatusDesc           types.String   `tfsdk:"status_desc"`
	SavepointPath        types.String   `tfsdk:"savepoint_path"`
	CreateTime           types.String   `tfsdk:"create_time"`
	UpdateTime           types.String   `tfsdk:"update_time"`
	StartTime            types.String   `tfsdk:"start_time"`
	Timeouts             timeouts.Value `tfsdk:"timeouts"`
}

var dirtyDataPattern = regexp.MustCompile(`^(0|1|2:\S.*)$`)

func int32Ptr(v types.Int64) *int32 {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	n := int32(v.ValueInt64())
	return &n
}

func boolPtr(v types.Bool) *bool {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	b := v.ValueBool()
	return &b
}

// checkpointModeNumber maps checkpoint_mode to the request's 1/2.
func checkpointModeNumber(v types.String) *int32 {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	n := int32(1)
	if v.ValueString() == "at_least_once" {
		n = 2
	}
	return &n
}

// runtimeConfigJSON renders runtime_config as DLI's [{"key":..,"value":..}] JSON string;
// null or empty renders "" (which clears it on update).
func (m dliFlinkSQLJobModel) runtimeConfigJSON(ctx context.Context, diags *diag.Diagnostics) string {
	list := keyValues(ctx, m.RuntimeConfig, diags)
	if len(list) == 0 {
		return ""
	}
	data, _ := json.Marshal(list)
	return string(data)
}

// keyValues turns a map of strings into DLI's [{key, value}] list, sorted by key (nil for a
// null or unknown map).
func keyValues(ctx context.Context, m types.Map, diags *diag.Diagnostics) []model.Tag {
	if m.IsNull() || m.IsUnknown() {
		return nil
	}
	var kv map[string]string
	diags.Append(m.ElementsAs(ctx, &kv, false)...)
	list := make([]model.Tag, 0, len(kv))
	for k, v := range kv {
		list = append(list, model.Tag{Key: k, Value: v})
	}
	sort.Slice(list, func(i, j int) bool { return list[i].Key < list[j].Key })
	return list
}

// createBody maps the plan to the §9.2 request body.
func (m dliFlinkSQLJobModel) createBody(ctx context.Context, diags *diag.Diagnostics) *model.CreateFlinkSqlJobRequestBody {
	b := &model.CreateFlinkSqlJobRequestBody{
		Name: m.Name.ValueString(), Desc: knownString(m.Description), QueueName: knownString(m.QueueName),
		SqlBody: knownString(m.SQL), RunMode: knownString(m.RunMode), JobType: knownString(m.Type),
		CuNumber: int32Ptr(m.CUNumber), ManagerCuNumber: int32Ptr(m.ManagerCUNumber), ParallelNumber: int32Ptr(m.ParallelNumber),
		TmCus: int32Ptr(m.TmCUs), TmSlotNum: int32Ptr(m.TmSlotNum),
		CheckpointEnabled: boolPtr(m.CheckpointEnabled), CheckpointMode: checkpointModeNumber(m.CheckpointMode),
		CheckpointInterval: int32Ptr(m.CheckpointInterval), ObsBucket: knownString(m.ObsBucket),
		LogEnabled: boolPtr(m.LogEnabled), SmnTopic: knownString(m.SmnTopic), RestartWhenException: boolPtr(m.RestartWhenException),
		IdleStateRetention: int32Ptr(m.IdleStateRetention), DirtyDataStrategy: knownString(m.DirtyDataStrategy),
		UdfJarUrl: knownString(m.UdfJarURL), ResumeCheckpoint: boolPtr(m.ResumeCheckpoint), ResumeMaxNum: int32Ptr(m.ResumeMaxNum),
		FlinkVersion: knownString(m.FlinkVersion),
	}
	if rc := m.runtimeConfigJSON(ctx, diags); rc != "" {
		b.RuntimeConfig = &rc
	}
	if tags := keyValues(ctx, m.Tags, diags); tags != nil {
		b.Tags = &tags
	}
	return b
}

// updateFields renders every updatable field as the §9.3 body would carry it. Unset optional
// strings render "" so that removing one clears it; unknown values are left out.
func (m dliFlinkSQLJobModel) updateFields(ctx context.Context, diags *diag.Diagnostics) map[string]any {
	orEmpty := func(v types.String) *string {
		if v.IsUnknown() {
			return nil
		}
		s := v.ValueString()
		return &s
	}
	rc := m.runtimeConfigJSON(ctx, diags)
	name := m.Name.ValueString()
	b := &model.UpdateFlinkSqlJobRequestBody{
		Name: &name, Desc: orEmpty(m.Description), QueueName: orEmpty(m.QueueName), SqlBody: orEmpty(m.SQL),
		RunMode: knownString(m.RunMode), CuNumber: int32Ptr(m.CUNumber), ManagerCuNumber: int32Ptr(m.ManagerCUNumber),
		ParallelNumber: int32Ptr(m.ParallelNumber), TmCus: int32Ptr(m.TmCUs), TmSlotNum: int32Ptr(m.TmSlotNum),
		CheckpointEnabled: boolPtr(m.CheckpointEnabled), CheckpointMode: checkpointModeNumber(m.CheckpointMode),
		CheckpointInterval: int32Ptr(m.CheckpointInterval), ObsBucket: orEmpty(m.ObsBucket), LogEnabled: boolPtr(m.LogEnabled),
		SmnTopic: orEmpty(m.SmnTopic), RestartWhenException: boolPtr(m.RestartWhenException),
		IdleStateRetention: int32Ptr(m.IdleStateRetention), DirtyDataStrategy: knownString(m.DirtyDataStrategy),
		UdfJarUrl: orEmpty(m.UdfJarURL), ResumeCheckpoint: boolPtr(m.ResumeCheckpoint), ResumeMaxNum: int32Ptr(m.ResumeMaxNum),
		RuntimeConfig: &rc, FlinkVersion: knownString(m.FlinkVersion),
	}
	data, err := json.Marshal(b)
	out := map[string]any{}
	if err == nil {
		err = json.Unmarshal(data, &out)
	}
	if err != nil {
		diags.AddError("Encoding the Flink job update", err.Error())
	}
	return out
}

// changedFields returns the §9.3 body fields whose planned value differs from the state,
// with their new values: the body of the update.
func (m dliFlinkSQLJobModel) changedFields(ctx context.Context, state dliFlinkSQLJobModel, diags *diag.Diagnostics) map[string]any {
	planned, current := m.updateFields(ctx, diags), state.updateFields(ctx, diags)
	changed := map[string]any{}
	for k, v := range planned {
		if cur, ok := current[k]; !ok || fmt.Sprint(cur) != fmt.Sprint(v) {
			changed[k] = v
		}
	}
	return changed
}

// fromAPI copies the job detail into m. Optional arguments DLI reports empty stay null; tags
// are not returned and stay as they are.
func (m *dliFlinkSQLJobModel) fromAPI(j *model.FlinkJob) {
	m.ID = types.StringValue(strconv.FormatInt(j.JobId, 10))
	m.JobID = types.Int64Value(j.JobId)
	m.Name = types.StringValue(ptr.Deref(j.Name))
	m.Description = types.StringValue(ptr.Deref(j.Desc))
	m.SQL = types.StringValue(ptr.Deref(j.SqlBody))
	if j.JobType != nil {
		m.Type = types.StringValue(j.JobType.Value())
	}
	m.RunMode = types.StringValue(ptr.Deref(j.RunMode))
	m.QueueName = nullIfEmpty(ptr.Deref(j.QueueName))
	cfg := j.JobConfig
	if cfg == nil {
		cfg = &model.FlinkJobConfig{}
	}
	m.CUNumber = flex.Int64Value(cfg.CuNumber)
	m.ManagerCUNumber = flex.Int64Value(cfg.ManagerCuNumber)
	m.ParallelNumber = flex.Int64Value(cfg.ParallelNumber)
	m.TmCUs = flex.Int64Value(cfg.TmCus)
	m.TmSlotNum = flex.Int64Value(cfg.TmSlotNum)
	m.CheckpointEnabled = types.BoolValue(ptr.Deref(cfg.CheckpointEnabled))
	m.CheckpointMode = types.StringValue("exactly_once")
	if cfg.CheckpointMode != nil && (cfg.CheckpointMode.Value() == "at_least_once" || cfg.CheckpointMode.Value() == "2") {
		m.CheckpointMode = types.StringValue("at_least_once")
	}
	m.CheckpointInterval = flex.Int64Value(cfg.CheckpointInterval)
	m.ObsBucket = nullIfEmpty(ptr.Deref(cfg.ObsBucket))
	m.LogEnabled = types.BoolValue(ptr.Deref(cfg.LogEnabled))
	m.SmnTopic = nullIfEmpty(ptr.Deref(cfg.SmnTopic))
	m.RestartWhenException = types.BoolValue(ptr.Deref(cfg.RestartWhenException))
	m.IdleStateRetention = flex.Int64Value(cfg.IdleStateRetention)
	m.DirtyDataStrategy = types.StringValue(ptr.Deref(cfg.DirtyDataStrategy))
	if m.DirtyDataStrategy.ValueString() == "" {
		m.DirtyDataStrategy = types.StringValue("0")
	}
	m.UdfJarURL = nullIfEmpty(ptr.Deref(cfg.UdfJarUrl))
	m.ResumeCheckpoint = types.BoolValue(ptr.Deref(cfg.ResumeCheckpoint))
	m.ResumeMaxNum = flex.Int64Value(cfg.ResumeMaxNum)
	if cfg.ResumeMaxNum == nil {
		m.ResumeMaxNum = types.Int64Value(-1)
	}
	m.RuntimeConfig = runtimeConfigValue(ptr.Deref(cfg.RuntimeConfig), m.RuntimeConfig)
	if v := ptr.Deref(cfg.FlinkVersion); v != "" || m.FlinkVersion.IsUnknown() {
		m.FlinkVersion = nullIfEmpty(v)
	}
	if m.Tags.IsUnknown() {
		m.Tags = types.MapNull(types.StringType)
	}
	m.Status = types.StringValue(ptr.Deref(j.Status))
	if m.Status.ValueString() == client.FlinkCancelling {
		m.Status = types.StringValue(client.FlinkCanceling)
	}
	m.StatusDesc = types.StringValue(ptr.Deref(j.StatusDesc))
	m.SavepointPath = types.StringValue(ptr.Deref(j.SavepointPath))
	m.CreateTime = types.StringValue(rfc3339FromMillis(j.CreateTime))
	m.UpdateTime = types.StringValue(rfc3339FromMillis(ptr.Deref(j.UpdateTime)))
	m.StartTime = types.StringValue(rfc3339FromMillis(ptr.Deref(j.StartTime)))
	// Imported: arguments that only live in the configuration get their defaults, and
	// desired_state follows what the job does.
	if m.DesiredState.IsNull() || m.DesiredState.IsUnknown() {
		m.DesiredState = types.StringValue(flinkDesiredStopped)
		if s := m.Status.ValueString(); s == client.FlinkRunning || s == client.FlinkSubmitting {
			m.DesiredState = types.StringValue(flinkDesiredRunning)
		}
	}
	if m.RestartPolicy.IsNull() || m.RestartPolicy.IsUnknown() {
		m.RestartPolicy = types.StringValue(flinkResume)
	}
	if m.SavepointOnDelete.IsNull() || m.SavepointOnDelete.IsUnknown() {
		m.SavepointOnDelete = types.BoolValue(true)
	}
}

// runtimeConfigValue parses DLI's runtime_config JSON ([{"key","value"}] or an object) into
// a map; empty is null. A value in another format keeps the prior value.
func runtimeConfigValue(s string, prior types.Map) types.Map {
	if strings.TrimSpace(s) == "" {
		return types.MapNull(types.StringType)
	}
	elems := map[string]attr.Value{}
	var list []model.Tag
	var obj map[string]string
	switch {
	case json.Unmarshal([]byte(s), &list) == nil:
		for _, kv := range list {
			elems[kv.Key] = types.StringValue(kv.Value)
		}
	case json.Unmarshal([]byte(s), &obj) == nil:
		for k, v := range obj {
			elems[k] = types.StringValue(v)
		}
	default:
		if prior.IsUnknown() {
			return types.MapNull(types.StringType)
		}
		return prior
	}
	if len(elems) == 0 {
		return types.MapNull(types.StringType)
	}
	return types.MapValueMust(types.StringType, elems)
}

func nullIfEmpty(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// withUnknownsNull returns m with every unknown value set to null, for the state saved
// before the job is read back.
func (m dliFlinkSQLJobModel) withUnknownsNull() dliFlinkSQLJobModel {
	for _, s := range []*types.String{&m.FlinkVersion, &m.Status, &m.StatusDesc, &m.SavepointPath, &m.CreateTime, &m.UpdateTime, &m.StartTime} {
		if s.IsUnknown() {
			*s = types.StringNull()
		}
	}
	if m.TmSlotNum.IsUnknown() {
		m.TmSlotNum = types.Int64Null()
	}
	return m
}

func quoted(list []string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = "`" + s + "`"
	}
	return out
}

// tmSlotNumPlan keeps the state's tm_slot_num when it is not configured and none of the
// values DLI derives it from (cu_number, manager_cu_number, parallel_number, tm_cus)
// changes; otherwise DLI recomputes it, so it is unknown.
type tmSlotNumPlan struct{}

func (tmSlotNumPlan) Description(context.Context) string {
	return "keeps the derived tm_slot_num while its inputs do not change"
}

func (p tmSlotNumPlan) MarkdownDescription(ctx context.Context) string { return p.Description(ctx) }

func (tmSlotNumPlan) PlanModifyInt64(ctx context.Context, req planmodifier.Int64Request, resp *planmodifier.Int64Response) {
	if !req.ConfigValue.IsNull() || req.StateValue.IsNull() || req.Plan.Raw.IsNull() {
		return
	}
	for _, name := range []string{"cu_number", "manager_cu_number", "parallel_number", "tm_cus"} {
		var planned, current types.Int64
		resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root(name), &planned)...)
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root(name), &current)...)
		if !planned.Equal(current) {
			return
		}
	}
	resp.PlanValue = req.StateValue
}
