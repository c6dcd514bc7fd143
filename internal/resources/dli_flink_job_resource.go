package resources

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
)

// flinkJobModel is what the shared Flink job implementation needs of a resource's model M
// (which embeds flinkJobRun): how to create the job, how to update it, and how to record its
// configuration.
type flinkJobModel[M any] interface {
	*M
	// run is the model's run state.
	run() *flinkJobRun
	// jobName is the job's name.
	jobName() string
	// settingsFromAPI copies the job's configuration (all but the run state) into the model.
	settingsFromAPI(j *model.FlinkJob)
	// nullUnknownSettings sets the model's unknown computed settings to null.
	nullUnknownSettings()
	// createJob sends the create request of the planned job and returns its id.
	createJob(ctx context.Context, c *client.Client, diags *diag.Diagnostics) (int64, error)
	// changeFrom compares the plan (the receiver) with the state and returns the update.
	changeFrom(ctx context.Context, state *M, diags *diag.Diagnostics) flinkJobChange
	// replacedBy are the arguments (those that require replacement) that the plan (the
	// receiver) changes from the state.
	replacedBy(state *M) path.Paths
}

// flinkJobChange is a planned update of a job's configuration.
type flinkJobChange struct {
	flinkChange
	// send sends the update; it is only called when changed is set.
	send func(ctx context.Context, c *client.Client, id int64) error
}

// flinkJobResource is the implementation every DLI Flink job resource (SQL, Jar) shares:
// create then run, refresh, update through the lifecycle (savepoint, update, resume),
// delete, import, and the plan-time desired-state and restart handling. A resource adds its
// schema and rules.
type flinkJobResource[M any, P flinkJobModel[M]] struct {
	framework.ResourceBase
	// kind is what messages call the job, e.g. "Flink SQL job".
	kind string
	// typeName is the resource type, for messages.
	typeName string
}

// newFlinkJobResource returns the shared implementation for the resource type
// huaweidata_<typeSuffix>. The first job on a new queue takes 6 to 10 minutes to start
// (§4.4), hence the timeouts.
func newFlinkJobResource[M any, P flinkJobModel[M]](typeSuffix, kind string) flinkJobResource[M, P] {
	return flinkJobResource[M, P]{
		ResourceBase: framework.NewResourceBase(typeSuffix,
			framework.Timeouts{Create: 30 * time.Minute, Update: 30 * time.Minute, Delete: 20 * time.Minute}),
		kind:     kind,
		typeName: "huaweidata_" + typeSuffix,
	}
}

// lifecycle runs, stops and settles the resource's jobs.
func (r *flinkJobResource[M, P]) lifecycle() flinkLifecycle {
	return flinkLifecycle{client: r.Client, kind: r.kind}
}

// ModifyPlan plans an update when the job's status is not the desired one (see
// flinkPlanDesiredState) and warns when the update restarts or replaces a running job.
func (r *flinkJobResource[M, P]) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	flinkPlanDesiredState(ctx, req, resp)
	// An unchanged job has no update to warn about: skipping the two model decodes saves
	// about a tenth of the CPU of a plan of many jobs.
	if req.Plan.Raw.IsNull() || req.State.Raw.IsNull() || resp.Diagnostics.HasError() || framework.PlanUnchanged(req) {
		return
	}
	var plan, state M
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	// A value that is only known at apply (e.g. a list with an unknown element) cannot be
	// compared yet: it is left out of the warning, never an error of the plan.
	var ignored diag.Diagnostics
	change := P(&plan).changeFrom(ctx, &state, &ignored)
	warnFlinkRestart(&resp.Diagnostics, r.kind, P(&state).run(), P(&plan).run(), change.flinkChange, P(&plan).replacedBy(&state))
}

func (r *flinkJobResource[M, P]) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan M
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	run := P(&plan).run()
	ctx, cancel := r.CreateContext(ctx, run.Timeouts, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	id, err := P(&plan).createJob(ctx, r.Client, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if err != nil {
		framework.APIError(&resp.Diagnostics, "Creating DLI "+r.kind, err)
		return
	}
	// Save the id at once: if running the job fails, it stays in state (tainted) instead of
	// being orphaned in the cloud.
	run.ID, run.JobID = types.StringValue(strconv.FormatInt(id, 10)), types.Int64Value(id)
	run.Status = types.StringValue(client.FlinkInit)
	resp.Diagnostics.Append(resp.State.Set(ctx, withUnknownsNull[M, P](plan))...)
	framework.MarkWritten(ctx, resp.Private, &resp.Diagnostics)

	what := fmt.Sprintf("DLI %s %d", r.kind, id)
	if run.DesiredState.ValueString() == flinkDesiredRunning {
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
func (r *flinkJobResource[M, P]) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	framework.ReadOrRemove(ctx, &r.ResourceBase, req, resp, func(ctx context.Context, m *M, diags *diag.Diagnostics) bool {
		if !r.readInto(ctx, m, diags) {
			return false
		}
		run := P(m).run()
		r.lifecycle().warnIfNotDesired(diags, run.ID.ValueString(), P(m).jobName(), run.Status.ValueString(),
			run.StatusDesc.ValueString(), run.DesiredState.ValueString())
		return true
	})
}

// Update changes the job in place when it is not running, or when only settings a running
// job takes without a restart change; otherwise it stops the running job with a savepoint,
// updates it, and runs it again (resuming per restart_policy). Then it brings the job to
// desired_state.
func (r *flinkJobResource[M, P]) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state M
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	planned, prior := P(&plan).run(), P(&state).run()
	ctx, cancel := r.UpdateContext(ctx, planned.Timeouts, &resp.Diagnostics)
	defer cancel()
	change := P(&plan).changeFrom(ctx, &state, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	planned.ID, planned.JobID = prior.ID, prior.JobID
	id := prior.JobID.ValueInt64()

	t := flinkTransition{
		wantRunning: planned.DesiredState.ValueString() == flinkDesiredRunning,
		resume:      planned.RestartPolicy.ValueString() == flinkResume,
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
			if err := change.send(ctx, r.Client, id); err != nil {
				return err
			}
			framework.MarkWritten(ctx, resp.Private, &resp.Diagnostics)
			return nil
		}
	}
	if !r.lifecycle().applyDesiredState(ctx, id, t, &resp.Diagnostics) {
		return
	}
	if framework.ReadBack(ctx, &r.ResourceBase, &plan, r.readInto, fmt.Sprintf("DLI %s %d", r.kind, id), &resp.Diagnostics) {
		resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	}
}

// Delete stops a running job (with a savepoint unless savepoint_on_delete is false) and
// deletes it.
func (r *flinkJobResource[M, P]) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state M
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	run := P(&state).run()
	ctx, cancel := r.DeleteContext(ctx, run.Timeouts, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	savepoint := run.SavepointOnDelete.IsNull() || run.SavepointOnDelete.ValueBool()
	r.lifecycle().delete(ctx, run.JobID.ValueInt64(), savepoint, &resp.Diagnostics)
}

// ImportState imports a job by its numeric id.
func (r *flinkJobResource[M, P]) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id, err := strconv.ParseInt(strings.TrimSpace(req.ID), 10, 64)
	if err != nil || id <= 0 {
		resp.Diagnostics.AddError("Invalid import id",
			fmt.Sprintf("Import a DLI %s by its numeric job id, e.g. `terraform import %s.example 1234`; got %q.", r.kind, r.typeName, req.ID))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), strconv.FormatInt(id, 10))...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("job_id"), id)...)
}

// readInto refreshes m from the job detail (§9.8); it reports false when the job is gone.
func (r *flinkJobResource[M, P]) readInto(ctx context.Context, m *M, diags *diag.Diagnostics) bool {
	run := P(m).run()
	id, err := strconv.ParseInt(run.ID.ValueString(), 10, 64)
	if err != nil {
		diags.AddError("Invalid job id in state", fmt.Sprintf("The id %q of the %s is not a number.", run.ID.ValueString(), r.kind))
		return false
	}
	job, err := r.Client.ShowFlinkJob(ctx, id)
	if client.IsNotFound(err) {
		return false
	}
	if err != nil {
		framework.APIError(diags, fmt.Sprintf("Reading DLI %s %d", r.kind, id), err)
		return false
	}
	run.fromAPI(job)
	P(m).settingsFromAPI(job)
	return true
}

// refreshAfterError records what the job looks like after a failed create or update, so the
// state shows its real status (and a failed run is retried by the next apply). Read errors
// are ignored: the failed step's error is the one reported.
func (r *flinkJobResource[M, P]) refreshAfterError(ctx context.Context, m *M, st interface {
	Set(context.Context, any) diag.Diagnostics
}) {
	var ignored diag.Diagnostics
	if r.readInto(ctx, m, &ignored) {
		st.Set(ctx, withUnknownsNull[M, P](*m))
	}
}

// withUnknownsNull returns m with every unknown computed value set to null, for the state
// saved before the job is read back.
func withUnknownsNull[M any, P flinkJobModel[M]](m M) M {
	P(&m).run().nullUnknowns()
	P(&m).nullUnknownSettings()
	return m
}
