package resources

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/flex"
)

var _ resource.ResourceWithValidateConfig = (*dliQueueScalingPlanResource)(nil)

// ValidateConfig rejects a plan that can never run: one whose validity period holds none
// of its repeat days at its start time (DLI refuses it with DLI.0999, "can not generate a
// scale plan").
func (r *dliQueueScalingPlanResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m dliQueueScalingPlanModel
	resp.Diagnostics.Append(framework.GetConfig(ctx, req.Config, &m)...)
	if resp.Diagnostics.HasError() || !flex.IsKnown(m.ValidDateBegin) || !flex.IsKnown(m.ValidDateEnd) ||
		!flex.IsKnown(m.StartHour) || !flex.IsKnown(m.StartMinute) || !flex.IsKnown(m.RepeatDays) {
		return
	}
	days, diags := flex.StringSet(ctx, m.RepeatDays)
	begin, d1 := m.ValidDateBegin.ValueRFC3339Time()
	end, d2 := m.ValidDateEnd.ValueRFC3339Time()
	if diags.HasError() || d1.HasError() || d2.HasError() || len(days) == 0 || !end.After(begin) {
		return // no repeat days, or values the attributes' own validators report
	}
	hour, minute := int(m.StartHour.ValueInt32()), int(m.StartMinute.ValueInt32())
	if !planCanRun(begin, end, hour, minute, days) {
		resp.Diagnostics.AddAttributeError(path.Root("repeat_days"), "Scaling plan that never runs",
			fmt.Sprintf("Between valid_date_begin (%s) and valid_date_end (%s) there is no %s at %02d:%02d, in any time zone: "+
				"the plan would never run, and DLI rejects it (DLI.0999). Widen the validity period or choose other repeat_days.",
				m.ValidDateBegin.ValueString(), m.ValidDateEnd.ValueString(), strings.Join(days, " or "), hour, minute))
	}
}

// planCanRun reports whether a plan running at hour:minute on days can run between begin
// and end. The schedule is in the region's time zone, which the API does not state: a
// wall-clock time there is between 14 hours before and 12 hours after the same wall-clock
// time in UTC, so every UTC wall-clock occurrence in [begin-12h, end+14h] counts.
func planCanRun(begin, end time.Time, hour, minute int, days []string) bool {
	from, to := begin.UTC().Add(-12*time.Hour), end.UTC().Add(14*time.Hour)
	if to.Sub(from) >= 8*24*time.Hour {
		return true // a whole week: every day occurs
	}
	for d := from.Truncate(24 * time.Hour); !d.After(to); d = d.AddDate(0, 0, 1) {
		at := time.Date(d.Year(), d.Month(), d.Day(), hour, minute, 0, 0, time.UTC)
		if !at.Before(from) && !at.After(to) && slices.Contains(days, strings.ToUpper(at.Weekday().String())) {
			return true
		}
	}
	return false
}
