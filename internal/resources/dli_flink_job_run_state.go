package resources

import (
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
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

// flinkJobRun is the part of a Flink job resource's state that the shared lifecycle owns:
// the job's identity, its run state and the lifecycle arguments. Every Flink job model
// embeds it.
type flinkJobRun struct {
	ID                types.String      `tfsdk:"id"`
	JobID             types.Int64       `tfsdk:"job_id"`
	DesiredState      types.String      `tfsdk:"desired_state"`
	RestartPolicy     types.String      `tfsdk:"restart_policy"`
	SavepointOnDelete types.Bool        `tfsdk:"savepoint_on_delete"`
	Status            types.String      `tfsdk:"status"`
	StatusDesc        types.String      `tfsdk:"status_desc"`
	SavepointPath     types.String      `tfsdk:"savepoint_path"`
	CreateTime        timetypes.RFC3339 `tfsdk:"create_time"`
	UpdateTime        timetypes.RFC3339 `tfsdk:"update_time"`
	StartTime         timetypes.RFC3339 `tfsdk:"start_time"`
	Timeouts          timeouts.Value    `tfsdk:"timeouts"`
}

func (r *flinkJobRun) run() *flinkJobRun { return r }

// flinkRunAttributes are the schema attributes of flinkJobRun (the timeouts block aside).
func flinkRunAttributes() map[string]schema.Attribute {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	computed := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
	}
	computedTime := func(desc string, pm ...planmodifier.String) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true, CustomType: timetypes.RFC3339Type{}, PlanModifiers: pm}
	}
	return map[string]schema.Attribute{
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
	}
}

// withRunAttributes returns attrs with the flinkJobRun attributes added.
func withRunAttributes(attrs map[string]schema.Attribute) map[string]schema.Attribute {
	for name, a := range flinkRunAttributes() {
		attrs[name] = a
	}
	return attrs
}

// fromAPI copies the job's identity and run state into r. An imported job gets the
// lifecycle arguments' defaults, and desired_state follows what the job does.
func (r *flinkJobRun) fromAPI(j *model.FlinkJob) {
	r.ID = types.StringValue(strconv.FormatInt(j.JobId, 10))
	r.JobID = types.Int64Value(j.JobId)
	r.Status = types.StringValue(ptr.Deref(j.Status))
	if r.Status.ValueString() == client.FlinkCancelling {
		r.Status = types.StringValue(client.FlinkCanceling)
	}
	r.StatusDesc = types.StringValue(ptr.Deref(j.StatusDesc))
	r.SavepointPath = types.StringValue(ptr.Deref(j.SavepointPath))
	r.CreateTime = flex.RFC3339FromMillis(j.CreateTime)
	r.UpdateTime = flex.RFC3339FromMillis(ptr.Deref(j.UpdateTime))
	r.StartTime = flex.RFC3339FromMillis(ptr.Deref(j.StartTime))
	if !flex.IsKnown(r.DesiredState) {
		r.DesiredState = types.StringValue(flinkDesiredStopped)
		if s := r.Status.ValueString(); s == client.FlinkRunning || s == client.FlinkSubmitting {
			r.DesiredState = types.StringValue(flinkDesiredRunning)
		}
	}
	if !flex.IsKnown(r.RestartPolicy) {
		r.RestartPolicy = types.StringValue(flinkResume)
	}
	if !flex.IsKnown(r.SavepointOnDelete) {
		r.SavepointOnDelete = types.BoolValue(true)
	}
}

// nullUnknowns sets the unknown computed values of r to null, for the state saved before
// the job is read back.
func (r *flinkJobRun) nullUnknowns() {
	flex.UnknownToNull(&r.Status, &r.StatusDesc, &r.SavepointPath)
	for _, t := range []*timetypes.RFC3339{&r.CreateTime, &r.UpdateTime, &r.StartTime} {
		if t.IsUnknown() {
			*t = timetypes.NewRFC3339Null()
		}
	}
}
