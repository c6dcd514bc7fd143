package actions

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
)

var _ action.ActionWithConfigure = (*dliQueueRestartAction)(nil)

// NewDLIQueueRestart returns the huaweidata_dli_queue_restart action.
func NewDLIQueueRestart() action.Action {
	return &dliQueueRestartAction{ActionBase: framework.NewActionBase("dli_queue_restart", 30*time.Minute)}
}

type dliQueueRestartAction struct {
	framework.ActionBase
}

type dliQueueRestartModel struct {
	QueueName types.String         `tfsdk:"queue_name"`
	Force     types.Bool           `tfsdk:"force"`
	Timeout   timetypes.GoDuration `tfsdk:"timeout"`
}

func (a *dliQueueRestartAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Restarts a DLI SQL queue and waits until it is usable again. DLI restarts only SQL " +
			"queues, and only once the queue is available (after it has run an SQL job); other queues fail the " +
			"invocation with DLI's message. The queue's settings do not change, so a `huaweidata_dli_queue` resource " +
			"managing it shows no difference afterwards.",
		Attributes: map[string]schema.Attribute{
			"queue_name": schema.StringAttribute{
				MarkdownDescription: "The SQL queue to restart.",
				Required:            true,
				Validators:          []validator.String{validators.QueueName()},
			},
			"force": schema.BoolAttribute{
				MarkdownDescription: "Whether to restart even while jobs run on the queue: DLI cancels them first, in a " +
					"`RESTART_QUEUE` job that the invocation waits for. Defaults to `false` (an immediate restart).",
				Optional: true,
			},
			"timeout": a.TimeoutAttribute(),
		},
	}
}

func (a *dliQueueRestartAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var m dliQueueRestartModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := a.Invocation(ctx, m.Timeout, resp)
	defer cancel()
	name := m.QueueName.ValueString()
	jobID, err := a.Client.RestartQueue(ctx, name, m.Force.ValueBool())
	if err != nil {
		framework.APIError(&resp.Diagnostics, "Restarting DLI queue "+name, err)
		return
	}
	if jobID != "" {
		framework.Progress(resp, "Queue %s is restarting: RESTART_QUEUE job %s cancels its running jobs", name, jobID)
		if err := a.Client.WaitForSQLJob(ctx, jobID); err != nil {
			framework.APIError(&resp.Diagnostics, "Waiting for DLI queue "+name+" to restart", err)
			return
		}
	}
	framework.Progress(resp, "Queue %s restarted", name)
}
