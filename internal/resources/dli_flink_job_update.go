package resources

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/flex"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// flinkChange says what an update of a Flink job changes.
type flinkChange struct {
	// changed says that the body carries at least one field.
	changed bool
	// restart says that a changed field needs a running job to restart; the others
	// (flinkInPlace) the service applies to the running job.
	restart bool
	// restartedBy names the changed arguments that need the restart, in body order.
	restartedBy []string
}

// flinkUpdate is the body B of an update (§9.3, §9.5): only the fields whose planned value
// differs from the state, with their new values.
type flinkUpdate[B any] struct {
	body B
	flinkChange
}

// Whether the service applies a changed field to a running job without a restart: job
// metadata and the exception-handling settings (the vendor's own provider updates these in
// place). Any other change restarts a running job.
const (
	flinkInPlace  = true
	flinkRestarts = false
)

// setIfChanged puts the planned value of the argument named attribute into the body field
// dst when it differs from the state. render is the value as the body carries it; nil (a
// value not known yet, or an optional number left unset) is not sent.
func setIfChanged[V attr.Value, P any](u *flinkChange, attribute string, dst **P, planned, current V, inPlace bool, render func(V) *P) {
	if planned.Equal(current) {
		return
	}
	v := render(planned)
	if v == nil {
		return
	}
	*dst = v
	u.changed = true
	if !inPlace {
		u.restart = true
		u.restartedBy = append(u.restartedBy, attribute)
	}
}

// changedArguments returns the paths of the arguments whose planned value (known) differs
// from the state, in the order given; each pair is {planned, current}.
func changedArguments(args []string, pairs ...[2]attr.Value) path.Paths {
	var out path.Paths
	for i, p := range pairs {
		if !p[0].IsUnknown() && !p[0].Equal(p[1]) {
			out = append(out, path.Root(args[i]))
		}
	}
	return out
}

// stringOrEmpty is the value as the update body carries it: an unset optional string is ""
// (which clears it); a value not known yet is not sent.
func stringOrEmpty(v types.String) *string {
	if v.IsUnknown() {
		return nil
	}
	return ptr.Of(v.ValueString())
}

// checkpointModeNumber maps checkpoint_mode to the request's 1/2.
func checkpointModeNumber(v types.String) *int32 {
	if !flex.IsKnown(v) {
		return nil
	}
	if v.ValueString() == "at_least_once" {
		return ptr.Of(int32(2))
	}
	return ptr.Of(int32(1))
}

// checkpointModeValue maps the job detail's checkpoint_mode to checkpoint_mode.
func checkpointModeValue(mode *model.FlinkJobConfigCheckpointMode) types.String {
	if mode != nil && (mode.Value() == "at_least_once" || mode.Value() == "2") {
		return types.StringValue("at_least_once")
	}
	return types.StringValue("exactly_once")
}

// runtimeConfigJSON renders runtime_config as DLI's [{"key":..,"value":..}] JSON string;
// null or empty renders "".
func runtimeConfigJSON(ctx context.Context, m types.Map, diags *diag.Diagnostics) string {
	list := flex.Tags(ctx, m, diags)
	if len(list) == 0 {
		return ""
	}
	data, _ := json.Marshal(list)
	return string(data)
}

// setRuntimeConfigIfChanged puts runtime_config into dst when it changed, compared as DLI
// stores it, so a null map and an empty one are the same; removing it sends "", which
// clears it.
func setRuntimeConfigIfChanged(ctx context.Context, u *flinkChange, dst **string, planned, current types.Map, diags *diag.Diagnostics) {
	rc := types.StringValue(runtimeConfigJSON(ctx, planned, diags))
	setIfChanged(u, "runtime_config", dst, rc, types.StringValue(runtimeConfigJSON(ctx, current, diags)), flinkRestarts, flex.StringPointer)
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
