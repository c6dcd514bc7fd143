package resources

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/int32validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/flex"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/planmodifiers"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// A queue in an elastic resource pool (dli-sdk-extras.md §1.5-§1.7, §1.9): the pool it
// belongs to and its scaling policies there.

var (
	policyStart = regexp.MustCompile(`^([01][0-9]|2[0-3]):[0-5][0-9]$`)
	policyStop  = regexp.MustCompile(`^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$`)
)

// scalingPolicyAttrTypes is the object type of one scaling policy.
var scalingPolicyAttrTypes = map[string]attr.Type{
	"priority":                             types.Int32Type,
	"impact_start_time":                    types.StringType,
	"impact_stop_time":                     types.StringType,
	"min_cu":                               types.Int32Type,
	"max_cu":                               types.Int32Type,
	"inherit_elastic_resource_pool_max_cu": types.BoolType,
}

// scalingPolicyModel is one element of scaling_policies.
type scalingPolicyModel struct {
	Priority   types.Int32  `tfsdk:"priority"`
	Start      types.String `tfsdk:"impact_start_time"`
	Stop       types.String `tfsdk:"impact_stop_time"`
	MinCU      types.Int32  `tfsdk:"min_cu"`
	MaxCU      types.Int32  `tfsdk:"max_cu"`
	InheritMax types.Bool   `tfsdk:"inherit_elastic_resource_pool_max_cu"`
}

// queuePoolAttributes are the schema attributes of a queue's pool membership.
func queuePoolAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"elastic_resource_pool_name": schema.StringAttribute{
			MarkdownDescription: "Elastic resource pool the queue runs in. Set at create, the queue is created inside the pool; " +
				"set later on a standalone queue, the queue is moved into the pool in place. DLI cannot take a queue out of a pool " +
				"or move it to another one, so changing or removing it replaces the queue.",
			Optional:      true,
			Validators:    []validator.String{validators.PoolName()},
			PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplaceIf(leavesPool, "Changing or removing the pool replaces the queue.", "Changing or removing the pool replaces the queue.")},
		},
		"scaling_policies": schema.SetNestedAttribute{
			MarkdownDescription: "The queue's scaling policies in its pool: in each time window (UTC) the queue scales between `min_cu` and `max_cu`; " +
				"where windows overlap the highest `priority` wins. One policy must cover the whole day (`00:00` to `24:00`); " +
				"the other windows must not overlap one another. Every `max_cu` must fit the pool's `max_cu`, and the queues' whole-day " +
				"`min_cu` must add up to no more than the pool's `min_cu`. Needs `elastic_resource_pool_name`. Changed in place (the whole list is replaced). " +
				"When unset, the policies DLI set (a whole-day policy of the queue's CUs) are kept.",
			Optional:      true,
			Computed:      true,
			PlanModifiers: []planmodifier.Set{planmodifiers.SetUseStateUnlessChanged("elastic_resource_pool_name")},
			Validators: []validator.Set{
				setvalidator.SizeAtLeast(1),
				setvalidator.AlsoRequires(path.MatchRoot("elastic_resource_pool_name")),
			},
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"priority": schema.Int32Attribute{
					MarkdownDescription: "Priority, `1` to `100`; `100` is the highest.",
					Required:            true,
					Validators:          []validator.Int32{int32validator.Between(1, 100)},
				},
				"impact_start_time": schema.StringAttribute{
					MarkdownDescription: "Start of the window, `HH:mm` (`00:00` to `23:59`, UTC).",
					Required:            true,
					Validators:          []validator.String{stringvalidator.RegexMatches(policyStart, "must be HH:mm, 00:00 to 23:59")},
				},
				"impact_stop_time": schema.StringAttribute{
					MarkdownDescription: "End of the window, `HH:mm` (`00:01` to `24:00`, UTC), after `impact_start_time`.",
					Required:            true,
					Validators:          []validator.String{stringvalidator.RegexMatches(policyStop, "must be HH:mm, 00:01 to 24:00")},
				},
				"min_cu": schema.Int32Attribute{
					MarkdownDescription: "CUs the queue keeps in the window, a multiple of 16 (`0` allowed), at most `max_cu`.",
					Required:            true,
					Validators:          []validator.Int32{int32validator.AtLeast(0), int32MultipleOrZero(16)},
				},
				"max_cu": schema.Int32Attribute{
					MarkdownDescription: "CUs the queue may scale up to in the window, a positive multiple of 16, at most the pool's `max_cu`.",
					Required:            true,
					Validators:          []validator.Int32{validators.Int32MultipleOf(16)},
				},
				"inherit_elastic_resource_pool_max_cu": schema.BoolAttribute{
					MarkdownDescription: "Whether the queue may use up to the pool's `max_cu` in the window instead of `max_cu`. Defaults to `false`.",
					Optional:            true,
					Computed:            true,
					Default:             booldefault.StaticBool(false),
				},
			}},
		},
	}
}

// leavesPool: a queue that is in a pool (state) and would be in another or none (plan).
func leavesPool(_ context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
	resp.RequiresReplace = req.StateValue.ValueString() != "" && !req.PlanValue.Equal(req.StateValue)
}

// int32MultipleOrZero is Int32MultipleOf that also accepts 0.
func int32MultipleOrZero(n int32) validator.Int32 {
	return int32validator.Any(int32validator.OneOf(0), validators.Int32MultipleOf(n))
}

// validatePolicies applies the rules across policies: a whole-day policy, start before
// stop, min ≤ max, and no overlap between the other windows.
func validatePolicies(ctx context.Context, set types.Set, diags *diag.Diagnostics) {
	if !flex.IsKnown(set) {
		return
	}
	var policies []scalingPolicyModel
	diags.Append(set.ElementsAs(ctx, &policies, false)...)
	at := path.Root("scaling_policies")
	wholeDay := false
	type window struct{ start, stop string }
	var windows []window
	for _, p := range policies {
		if p.Start.IsUnknown() || p.Stop.IsUnknown() || p.MinCU.IsUnknown() || p.MaxCU.IsUnknown() {
			return
		}
		start, stop := p.Start.ValueString(), p.Stop.ValueString()
		if start >= stop {
			diags.AddAttributeError(at, "Invalid scaling policy window",
				fmt.Sprintf("impact_start_time %s must be before impact_stop_time %s.", start, stop))
		}
		if p.MinCU.ValueInt32() > p.MaxCU.ValueInt32() {
			diags.AddAttributeError(at, "Invalid scaling policy CUs",
				fmt.Sprintf("min_cu (%d) must not exceed max_cu (%d) in the policy %s-%s.", p.MinCU.ValueInt32(), p.MaxCU.ValueInt32(), start, stop))
		}
		if start == "00:00" && stop == "24:00" && !wholeDay {
			wholeDay = true
			continue
		}
		windows = append(windows, window{start, stop})
	}
	if !wholeDay {
		diags.AddAttributeError(at, "Missing whole-day scaling policy",
			"scaling_policies must contain one policy from 00:00 to 24:00 (DLI's default policy); the other policies refine it.")
	}
	sort.Slice(windows, func(i, j int) bool { return windows[i].start < windows[j].start })
	for i := 1; i < len(windows); i++ {
		if windows[i].start < windows[i-1].stop {
			diags.AddAttributeError(at, "Overlapping scaling policy windows",
				fmt.Sprintf("the windows %s-%s and %s-%s overlap; apart from the 00:00-24:00 policy, windows must not overlap.",
					windows[i-1].start, windows[i-1].stop, windows[i].start, windows[i].stop))
		}
	}
}

// policiesToAPI maps scaling_policies to the §1.7 request, sorted by start time.
func policiesToAPI(ctx context.Context, set types.Set, diags *diag.Diagnostics) []model.QueueScalingPolicy {
	var policies []scalingPolicyModel
	diags.Append(set.ElementsAs(ctx, &policies, false)...)
	out := make([]model.QueueScalingPolicy, 0, len(policies))
	for _, p := range policies {
		out = append(out, model.QueueScalingPolicy{
			Priority: p.Priority.ValueInt32(), ImpactStartTime: p.Start.ValueString(), ImpactStopTime: p.Stop.ValueString(),
			MinCu: p.MinCU.ValueInt32(), MaxCu: p.MaxCU.ValueInt32(), InheritElasticResourcePoolMaxCu: flex.BoolPointer(p.InheritMax),
		})
	}
	sort.Slice(out, func(i, j int) bool {
		return out[i].ImpactStartTime+out[i].ImpactStopTime < out[j].ImpactStartTime+out[j].ImpactStopTime
	})
	return out
}

// policiesFromAPI maps a pooled queue's policies to scaling_policies.
func policiesFromAPI(policies []model.QueueScalingPolicy) types.Set {
	elems := make([]attr.Value, 0, len(policies))
	for _, p := range policies {
		elems = append(elems, types.ObjectValueMust(scalingPolicyAttrTypes, map[string]attr.Value{
			"priority":                             types.Int32Value(p.Priority),
			"impact_start_time":                    types.StringValue(p.ImpactStartTime),
			"impact_stop_time":                     types.StringValue(p.ImpactStopTime),
			"min_cu":                               types.Int32Value(p.MinCu),
			"max_cu":                               types.Int32Value(p.MaxCu),
			"inherit_elastic_resource_pool_max_cu": types.BoolValue(ptr.Deref(p.InheritElasticResourcePoolMaxCu)),
		}))
	}
	return types.SetValueMust(types.ObjectType{AttrTypes: scalingPolicyAttrTypes}, elems)
}

// policiesNull is scaling_policies of a queue outside any pool.
func policiesNull() types.Set {
	return types.SetNull(types.ObjectType{AttrTypes: scalingPolicyAttrTypes})
}

// checkFitsPool rejects, at plan time, a queue whose cu_count or policy max_cu exceeds the
// pool's max_cu, when the pool already exists (one shared pool listing).
func (r *dliQueueResource) checkFitsPool(ctx context.Context, pool types.String, cu types.Int32, set types.Set, resp *resource.ModifyPlanResponse) {
	if r.Client == nil || !flex.IsKnown(pool) || (!flex.IsKnown(set) && !flex.IsKnown(cu)) {
		return
	}
	p, err := r.Client.GetElasticResourcePool(ctx, pool.ValueString())
	if err != nil {
		return // a pool created in the same apply, or not readable now: the API decides
	}
	maxCU := ptr.Deref(p.MaxCu)
	if flex.IsKnown(cu) && cu.ValueInt32() > maxCU {
		resp.Diagnostics.AddAttributeError(path.Root("cu_count"), "Queue exceeds the pool",
			fmt.Sprintf("cu_count %d exceeds the max_cu %d of elastic resource pool %s.", cu.ValueInt32(), maxCU, pool.ValueString()))
	}
	if !flex.IsKnown(set) {
		return
	}
	for _, sp := range policiesToAPI(ctx, set, &resp.Diagnostics) {
		if sp.MaxCu > maxCU {
			resp.Diagnostics.AddAttributeError(path.Root("scaling_policies"), "Scaling policy exceeds the pool",
				fmt.Sprintf("max_cu %d of the policy %s-%s exceeds the max_cu %d of elastic resource pool %s.",
					sp.MaxCu, sp.ImpactStartTime, sp.ImpactStopTime, maxCU, pool.ValueString()))
		}
	}
}

// Queue properties (dli-sdk-extras.md §2): the keys a user may set, as the API writes them.
const (
	propMaxInstance     = "computeEngine.maxInstance"
	propMaxPrefetch     = "computeEngine.maxPrefetchInstance"
	propMaxConcurrent   = "job.maxConcurrent"
	propNativeEnabled   = "computeEngine.spark.nativeEnabled"
	propSaveToJobBucket = "job.saveJobResultToJobBucket"
)

// intProperties are the keys the API types as int32 (and can delete); the others are
// "true"/"false" flags that cannot be deleted, only set to "false".
var intProperties = map[string]bool{propMaxInstance: true, propMaxPrefetch: true, propMaxConcurrent: true}

func queuePropertiesAttribute() schema.Attribute {
	return schema.MapAttribute{
		MarkdownDescription: "Queue properties, by the API's key: `" + propMaxInstance + "` (most Spark drivers the queue starts), `" +
			propMaxPrefetch + "` (Spark drivers started in advance), `" + propMaxConcurrent + "` (most concurrent jobs per Spark driver): " +
			"integers ≥ 0; `" + propNativeEnabled + "` (DLI Native for Scan and Filter; takes effect after a queue restart) and `" +
			propSaveToJobBucket + "` (SQL query results in the job bucket): `true` or `false`. Changed in place; a removed integer key " +
			"goes back to DLI's default, a removed flag is set to `false`. The property API is read and written only when this is set: " +
			"in a region that does not publish it, setting it is an error, and queues without it are not affected. Import reads the properties " +
			"where the API is published.",
		Optional:    true,
		ElementType: types.StringType,
		Validators: []validator.Map{
			mapvalidator.KeysAre(stringvalidator.OneOf(propMaxInstance, propMaxPrefetch, propMaxConcurrent, propNativeEnabled, propSaveToJobBucket)),
		},
	}
}

// validateProperties checks the values: integers ≥ 0, or true/false for the flags.
func validateProperties(m types.Map, diags *diag.Diagnostics) {
	if !flex.IsKnown(m) {
		return
	}
	elems := m.Elements()
	for k, v := range elems {
		s, ok := v.(types.String)
		if !ok || !flex.IsKnown(s) {
			continue
		}
		if intProperties[k] {
			if n, err := strconv.ParseInt(s.ValueString(), 10, 32); err != nil || n < 0 {
				diags.AddAttributeError(path.Root("properties").AtMapKey(k), "Invalid queue property",
					fmt.Sprintf("properties[%q] must be an integer from 0 to 2147483647, got %q.", k, s.ValueString()))
			}
		} else if s.ValueString() != "true" && s.ValueString() != "false" {
			diags.AddAttributeError(path.Root("properties").AtMapKey(k), "Invalid queue property",
				fmt.Sprintf("properties[%q] must be \"true\" or \"false\", got %q.", k, s.ValueString()))
		}
	}
}

// propertyWrites is what to send for the properties in want: int32 values for the
// integer keys, strings for the flags.
func propertyWrites(want map[string]string) map[string]any {
	out := map[string]any{}
	for k, v := range want {
		if intProperties[k] {
			n, _ := strconv.ParseInt(v, 10, 32) // validated at plan time
			out[k] = int32(n)
		} else {
			out[k] = v
		}
	}
	return out
}
