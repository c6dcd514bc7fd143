package framework

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// WarnRerunOnTriggers adds a plan warning when the `triggers` map of a job resource changes
// on an existing resource: the job will be submitted again (the resource is replaced), which
// an "update" to a map of arbitrary values does not make obvious. what names the job kind
// ("SQL job"); the warning names the trigger keys that were added, removed or changed.
func WarnRerunOnTriggers(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse, what string) {
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() {
		return // create or destroy
	}
	if PlanUnchanged(req) {
		return // triggers unchanged (and two path lookups saved)
	}
	var before, after types.Map
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("triggers"), &before)...)
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("triggers"), &after)...)
	if resp.Diagnostics.HasError() || before.Equal(after) {
		return
	}
	changed := "its value is not known until apply"
	if !after.IsUnknown() {
		changed = "changed: " + strings.Join(changedKeys(before, after), ", ")
	}
	resp.Diagnostics.AddWarning(fmt.Sprintf("The %s will be submitted again", what),
		fmt.Sprintf("`triggers` %s. Terraform will replace this %s: the current run is forgotten (cancelled first if it is still running "+
			"and cancel_on_destroy is true) and the job is submitted and run again.", changed, what))
}

// changedKeys lists the keys whose values differ between two maps, sorted.
func changedKeys(before, after types.Map) []string {
	keys := map[string]bool{}
	a, b := before.Elements(), after.Elements()
	for k, v := range a {
		if w, ok := b[k]; !ok || !v.Equal(w) {
			keys[k] = true
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			keys[k] = true
		}
	}
	out := make([]string, 0, len(keys))
	for k := range keys {
		out = append(out, fmt.Sprintf("%q", k))
	}
	slices.Sort(out)
	if len(out) == 0 {
		return []string{"the map was set or removed"}
	}
	return out
}
