package resources

import (
	"context"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/flex"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// planWeekDays are the repeat_day values of §6.6, in week order (Monday first).
var planWeekDays = []string{"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"}

// dliQueueScalingPlanModel is the Terraform state of huaweidata_dli_queue_scaling_plan.
type dliQueueScalingPlanModel struct {
	ID              types.String      `tfsdk:"id"`
	PlanID          types.Int64       `tfsdk:"plan_id"`
	QueueName       types.String      `tfsdk:"queue_name"`
	Name            types.String      `tfsdk:"name"`
	TargetCU        types.Int32       `tfsdk:"target_cu"`
	StartHour       types.Int32       `tfsdk:"start_hour"`
	StartMinute     types.Int32       `tfsdk:"start_minute"`
	RepeatDays      types.Set         `tfsdk:"repeat_days"`
	ValidDateBegin  timetypes.RFC3339 `tfsdk:"valid_date_begin"`
	ValidDateEnd    timetypes.RFC3339 `tfsdk:"valid_date_end"`
	Activate        types.Bool        `tfsdk:"activate"`
	LastExecuteTime timetypes.RFC3339 `tfsdk:"last_execute_time"`
	Timeouts        timeouts.Value    `tfsdk:"timeouts"`
}

// requestBody is the create and modify body (§6.6/§6.10 take the same full set).
func (m *dliQueueScalingPlanModel) requestBody(ctx context.Context) (*model.QueuePlanRequestBody, diag.Diagnostics) {
	days, diags := flex.StringSet(ctx, m.RepeatDays)
	body := &model.QueuePlanRequestBody{
		PlanName: m.Name.ValueString(), TargetCu: m.TargetCU.ValueInt32(),
		StartHour: m.StartHour.ValueInt32(), StartMinute: m.StartMinute.ValueInt32(),
		RepeatDay: make([]model.QueuePlanRequestBodyRepeatDay, 0, len(days)),
		Activate:  m.Activate.ValueBoolPointer(),
	}
	slices.SortFunc(days, func(a, b string) int { return slices.Index(planWeekDays, a) - slices.Index(planWeekDays, b) })
	for _, d := range days {
		var day model.QueuePlanRequestBodyRepeatDay
		if err := day.UnmarshalJSON([]byte(`"` + d + `"`)); err != nil {
			diags.AddError("Invalid repeat_days", err.Error())
		}
		body.RepeatDay = append(body.RepeatDay, day)
	}
	body.ValidDateBegin, diags = millisOrNil(m.ValidDateBegin, diags)
	body.ValidDateEnd, diags = millisOrNil(m.ValidDateEnd, diags)
	return body, diags
}

// millisOrNil is a timestamp as the API's 13-digit epoch milliseconds; nil when unset.
func millisOrNil(v timetypes.RFC3339, diags diag.Diagnostics) (*int64, diag.Diagnostics) {
	if !flex.IsKnown(v) {
		return nil, diags
	}
	t, d := v.ValueRFC3339Time()
	diags.Append(d...)
	return ptr.Of(t.UnixMilli()), diags
}

// setFrom copies a listed plan into the model.
func (m *dliQueueScalingPlanModel) setFrom(queue string, p *model.QueuePlan, diags *diag.Diagnostics) {
	id := ptr.Deref(p.Id)
	m.ID = types.StringValue(client.QueuePlanID(queue, id))
	m.PlanID = types.Int64Value(id)
	m.QueueName = types.StringValue(strings.ToLower(queue))
	m.Name = types.StringValue(ptr.Deref(p.PlanName))
	m.TargetCU = types.Int32Value(ptr.Deref(p.TargetCu))
	m.StartHour = types.Int32Value(ptr.Deref(p.StartHour))
	m.StartMinute = types.Int32Value(ptr.Deref(p.StartMinute))
	days := make([]string, 0, len(p.RepeatDay))
	for _, d := range p.RepeatDay {
		days = append(days, strings.ToUpper(d.Value())) // §6.10's example sends "friday"
	}
	set, d := types.SetValueFrom(context.Background(), types.StringType, days)
	diags.Append(d...)
	m.RepeatDays = set
	m.ValidDateBegin = keepSameMilli(m.ValidDateBegin, ptr.Deref(p.ValidDateBegin))
	m.ValidDateEnd = keepSameMilli(m.ValidDateEnd, ptr.Deref(p.ValidDateEnd))
	m.Activate = types.BoolValue(p.Activate == nil || *p.Activate) // §6.6: active unless said otherwise
	m.LastExecuteTime = flex.RFC3339FromMillis(ptr.Deref(p.LastExecuteTime))
}

// keepSameMilli is the API's millisecond timestamp, keeping the state's spelling (its
// offset, a finer fraction) when it names the same millisecond.
func keepSameMilli(prior timetypes.RFC3339, ms int64) timetypes.RFC3339 {
	if flex.IsKnown(prior) {
		if t, d := prior.ValueRFC3339Time(); !d.HasError() && t.UnixMilli() == ms {
			return prior
		}
	}
	return flex.RFC3339FromMillis(ms)
}
