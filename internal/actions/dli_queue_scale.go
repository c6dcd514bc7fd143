package actions

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/int32validator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

var _ action.ActionWithConfigure = (*dliQueueScaleAction)(nil)

// NewDLIQueueScale returns the huaweidata_dli_queue_scale action.
func NewDLIQueueScale() action.Action {
	return &dliQueueScaleAction{ActionBase: framework.NewActionBase("dli_queue_scale", time.Hour)}
}

type dliQueueScaleAction struct {
	framework.ActionBase
}

type dliQueueScaleModel struct {
	QueueName types.String         `tfsdk:"queue_name"`
	CuCount   types.Int32          `tfsdk:"cu_count"`
	Timeout   timetypes.GoDuration `tfsdk:"timeout"`
}

func (a *dliQueueScaleAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Scales a DLI queue out or in to a number of CUs and waits until the queue has them. " +
			"It is meant for one-off operations on queues that Terraform does not manage, or ahead of a known peak: " +
			"on a queue managed by a `huaweidata_dli_queue` resource the next plan shows the difference between the " +
			"resource's `cu_count` and the scaled queue, and applying it scales the queue back. To change a managed " +
			"queue's size for good, change `cu_count` in its resource.",
		Attributes: map[string]schema.Attribute{
			"queue_name": schema.StringAttribute{
				MarkdownDescription: "The queue to scale.",
				Required:            true,
				Validators:          []validator.String{validators.QueueName()},
			},
			"cu_count": schema.Int32Attribute{
				MarkdownDescription: "The number of CUs the queue should have: a positive multiple of 16. The queue is " +
					"scaled out (more) or in (fewer) by the difference; a queue that already has them is left alone.",
				Required:   true,
				Validators: []validator.Int32{int32validator.AtLeast(16), validators.Int32MultipleOf(16)},
			},
			"timeout": a.TimeoutAttribute(),
		},
	}
}

func (a *dliQueueScaleAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var m dliQueueScaleModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := a.Invocation(ctx, m.Timeout, resp)
	defer cancel()
	name, target := m.QueueName.ValueString(), m.CuCount.ValueInt32()
	q, err := a.Client.ShowQueue(ctx, name)
	if err != nil {
		framework.APIError(&resp.Diagnostics, "Reading DLI queue "+name, err)
		return
	}
	current := ptr.Deref(q.CuCount)
	if current == target {
		framework.Progress(resp, "Queue %s already has %d CUs", name, target)
		return
	}
	framework.Progress(resp, "Scaling queue %s from %d to %d CUs", name, current, target)
	if err := a.Client.ScaleQueue(ctx, name, current, target); err != nil {
		framework.APIError(&resp.Diagnostics, "Scaling DLI queue "+name, err)
		return
	}
	if err := a.Client.WaitForQueueCUs(ctx, name, target); err != nil {
		framework.APIError(&resp.Diagnostics, "Waiting for DLI queue "+name+" to scale", err)
		return
	}
	framework.Progress(resp, "Queue %s has %d CUs", name, target)
}
