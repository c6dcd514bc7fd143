package resources

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// Values of desired_state and restart_policy, shared by the Flink job resources.
const (
	flinkDesiredRunning = "running"
	flinkDesiredStopped = "stopped"
	flinkResume         = "resume_from_savepoint"
	flinkFreshStart     = "fresh_start"
)

// flinkLifecycle runs, stops and settles a DLI Flink job and brings it to its desired run
// state. It knows a job only by its id, so every Flink job resource (SQL or Jar) uses it;
// what a resource adds is how it updates the job's configuration and records its state.
type flinkLifecycle struct {
	client *client.Client
	// kind is what messages call the job, e.g. "Flink SQL job".
	kind string
}

// flinkTransition is one update of a job: the configuration change to send (if any) and
// the run state wanted afterwards.
type flinkTransition struct {
	// wantRunning is desired_state = running.
	wantRunning bool
	// resume is restart_policy = resume_from_savepoint: a stopped job is run again from its
	// latest savepoint, when it has one.
	resume bool
	// restart says that the change needs a running job to be stopped (with a savepoint),
	// updated and run again; a change without it is applied to the running job in place.
	restart bool
	// update sends the configuration change; nil when nothing changed.
	update func(ctx context.Context) error
	// refresh records the job as it now is after a step failed, so the state shows its real
	// status (and a failed run is retried by the next apply). updated says whether the
	// change was sent: the plan then describes the job, otherwise the prior state does.
	refresh func(ctx context.Context, updated bool)
}

// applyDesiredState applies t to the job: it waits for any run or stop in progress; stops a
// running job with a savepoint when the change needs a restart or the job is to stop (a job
// whose stop failed, job_cancel_fail, may still run and is stopped again first); sends the
// change; and runs the job again when it is to run, resuming per t.resume. It reports
// whether every step succeeded; errors are added to diags.
func (l flinkLifecycle) applyDesiredState(ctx context.Context, id int64, t flinkTransition, diags *diag.Diagnostics) bool {
	job, ok := l.settle(ctx, id, diags)
	if !ok {
		return false
	}
	status := ptr.Deref(job.Status)
	isRunning := status == client.FlinkRunning || status == client.FlinkCancelFail
	if isRunning && (t.restart || !t.wantRunning || status == client.FlinkCancelFail) {
		if !l.stop(ctx, id, true, diags) {
			t.refresh(ctx, false)
			return false
		}
		isRunning = false
	}
	if t.update != nil {
		if err := t.update(ctx); err != nil {
			framework.APIError(diags, fmt.Sprintf("Updating DLI %s %d", l.kind, id), err)
			t.refresh(ctx, false)
			return false
		}
	}
	if t.wantRunning && !isRunning {
		resume := false
		if t.resume {
			j, err := l.client.ShowFlinkJob(ctx, id)
			if err != nil {
				framework.APIError(diags, fmt.Sprintf("Reading DLI %s %d", l.kind, id), err)
				return false
			}
			resume = ptr.Deref(j.SavepointPath) != "" || ptr.Deref(j.HasSavepoint)
		}
		if !l.run(ctx, id, resume, diags) {
			t.refresh(ctx, true)
			return false
		}
	}
	return true
}

// delete stops a running job (with a savepoint when savepoint is set), deletes it and waits
// until it is gone. A job already gone is not an error.
func (l flinkLifecycle) delete(ctx context.Context, id int64, savepoint bool, diags *diag.Diagnostics) {
	job, err := l.client.ShowFlinkJob(ctx, id)
	if client.IsNotFound(err) {
		return
	}
	if err != nil {
		framework.APIError(diags, fmt.Sprintf("Reading DLI %s %d", l.kind, id), err)
		return
	}
	if client.FlinkTransientStatus(ptr.Deref(job.Status)) {
		var ok bool
		if job, ok = l.settle(ctx, id, diags); !ok {
			return
		}
	}
	if status := ptr.Deref(job.Status); status == client.FlinkRunning || status == client.FlinkCancelFail {
		if !l.stop(ctx, id, savepoint, diags) {
			if savepoint {
				diags.AddError("Flink job not deleted",
					"The job was not deleted because stopping it with a savepoint failed. Set savepoint_on_delete = false to delete it without a savepoint.")
			}
			return
		}
	}
	if err := l.client.DeleteFlinkJob(ctx, id); err != nil {
		framework.APIError(diags, fmt.Sprintf("Deleting DLI %s %d", l.kind, id), err)
		return
	}
	if err := l.client.WaitForFlinkJobDeleted(ctx, id); err != nil {
		framework.APIError(diags, fmt.Sprintf("Waiting for DLI %s %d to be deleted", l.kind, id), err)
	}
}

// settle waits until no run or stop request of the job is in progress and returns the job.
func (l flinkLifecycle) settle(ctx context.Context, id int64, diags *diag.Diagnostics) (*model.FlinkJob, bool) {
	job, err := l.client.WaitForFlinkJob(ctx, id, "to finish its current run or stop request",
		func(s string) bool { return !client.FlinkTransientStatus(s) })
	if err != nil {
		framework.APIError(diags, fmt.Sprintf("Waiting for DLI %s %d", l.kind, id), err)
		return nil, false
	}
	return job, true
}

// run runs the job (resuming from its latest savepoint when resume is set) and waits until
// it is running.
func (l flinkLifecycle) run(ctx context.Context, id int64, resume bool, diags *diag.Diagnostics) bool {
	if err := l.client.RunFlinkJob(ctx, id, resume); err != nil {
		framework.APIError(diags, fmt.Sprintf("Running DLI %s %d", l.kind, id), err)
		return false
	}
	if _, err := l.client.WaitForFlinkJob(ctx, id, "to run", func(s string) bool { return s == client.FlinkRunning }); err != nil {
		framework.APIError(diags, fmt.Sprintf("Running DLI %s %d", l.kind, id), err)
		return false
	}
	return true
}

// stop stops the job (taking a savepoint first when savepoint is set) and waits until it is
// stopped.
func (l flinkLifecycle) stop(ctx context.Context, id int64, savepoint bool, diags *diag.Diagnostics) bool {
	if err := l.client.StopFlinkJob(ctx, id, savepoint); err != nil {
		framework.APIError(diags, fmt.Sprintf("Stopping DLI %s %d", l.kind, id), err)
		return false
	}
	// job_init also means stopped: the vendor's provider accepts it after a stop (§Ambiguities 8).
	stopped := func(s string) bool { return s == client.FlinkCancelSuccess || s == client.FlinkInit }
	if _, err := l.client.WaitForFlinkJob(ctx, id, "to stop", stopped); err != nil {
		framework.APIError(diags, fmt.Sprintf("Stopping DLI %s %d", l.kind, id), err)
		return false
	}
	return true
}

// warnIfNotDesired warns, on refresh, about a job that failed or was stopped while it should
// run: the next apply brings it back to desired_state.
func (l flinkLifecycle) warnIfNotDesired(diags *diag.Diagnostics, id, name, status, desc, desired string) {
	if !client.FlinkFailureStatus(status) && (status != client.FlinkCancelSuccess || desired != flinkDesiredRunning) {
		return
	}
	if desc != "" {
		desc = " (" + desc + ")"
	}
	diags.AddWarning(fmt.Sprintf("DLI Flink job %s is %s", id, status),
		fmt.Sprintf("%s %q (id %s) is in status %s%s, but desired_state is %s. The next apply brings it back to %s.",
			l.kind, name, id, status, desc, desired, desired))
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

// PriorIsUnchangedPlan reports whether an unchanged job plans nothing: its status is the
// desired one (otherwise flinkPlanDesiredState plans the update that brings it there).
func (r *flinkJobResource[M, P]) PriorIsUnchangedPlan(prior, _ tftypes.Value) bool {
	var attrs map[string]tftypes.Value
	var status, desired string
	if prior.As(&attrs) != nil || attrs["status"].As(&status) != nil || attrs["desired_state"].As(&desired) != nil {
		return false
	}
	return flinkStatusSatisfies(status, desired)
}

// flinkPlanDesiredState plans an update when the job's status is not the desired one (e.g.
// it was stopped out of band, or failed): the computed values that such an update changes
// (status, status_desc, savepoint_path, update_time, start_time) become unknown, so
// Terraform calls Update, which runs or stops the job.
func flinkPlanDesiredState(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || req.State.Raw.IsNull() {
		return
	}
	var status, desired types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("status"), &status)...)
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("desired_state"), &desired)...)
	if resp.Diagnostics.HasError() || desired.IsUnknown() || flinkStatusSatisfies(status.ValueString(), desired.ValueString()) {
		return
	}
	for _, name := range []string{"status", "status_desc", "savepoint_path"} {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root(name), types.StringUnknown())...)
	}
	for _, name := range []string{"update_time", "start_time"} {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root(name), timetypes.NewRFC3339Unknown())...)
	}
}
