package resources

import (
	"context"
	"fmt"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/flex"
)

// The queue's properties are read and written only when `properties` is set, so a region
// that does not publish the property API (the incumbent's issue #5357) fails only the
// queues that use it, with a message that says so.

// importPropertiesKey marks, in private state, a queue just imported: its first read also
// reads its properties, if the region publishes the API.
const importPropertiesKey = "import_properties"

type importingKey struct{}

// importingProperties prepares the first read after an import: properties are read (an
// empty map in state asks for them) and a missing property API is not an error then.
func (r *dliQueueResource) importingProperties(ctx context.Context, req *resource.ReadRequest, resp *resource.ReadResponse) context.Context {
	if flag, _ := req.Private.GetKey(ctx, importPropertiesKey); len(flag) == 0 {
		return ctx
	}
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, importPropertiesKey, nil)...)
	resp.Diagnostics.Append(req.State.SetAttribute(ctx, path.Root("properties"), types.MapValueMust(types.StringType, nil))...)
	return context.WithValue(ctx, importingKey{}, true)
}

// propertiesError reports a property API failure; an unpublished API is named as such.
func (r *dliQueueResource) propertiesError(diags *diag.Diagnostics, what, queue string, err error) {
	if client.IsUnpublishedAPI(err) {
		diags.AddAttributeError(path.Root("properties"), "Queue properties are not available in region "+r.Client.Region(),
			fmt.Sprintf("The DLI queue property API (/v3/{project_id}/queues/%s/properties) does not exist or has not been published "+
				"in region %q, so the `properties` attribute of queue %s cannot be managed there. Remove `properties` from the "+
				"configuration of this queue; queues without `properties` never call this API.\n\n%v", queue, r.Client.Region(), queue, err))
		return
	}
	framework.APIError(diags, what, err)
}

// readProperties refreshes m.Properties when it is set: the writable keys the API lists.
func (r *dliQueueResource) readProperties(ctx context.Context, m *dliQueueModel, diags *diag.Diagnostics) {
	if m.Properties.IsNull() || m.Properties.IsUnknown() {
		return
	}
	name := m.Name.ValueString()
	props, err := r.Client.ListQueueProperties(ctx, name)
	importing, _ := ctx.Value(importingKey{}).(bool)
	if importing && client.IsUnpublishedAPI(err) {
		m.Properties = types.MapNull(types.StringType) // nothing to import where the API does not exist
		return
	}
	if err != nil {
		r.propertiesError(diags, "Reading the properties of DLI queue "+name, name, err)
		return
	}
	listed := map[string]string{}
	for k, v := range props {
		if k == propNativeEnabled || k == propSaveToJobBucket {
			if _, configured := m.Properties.Elements()[k]; !configured && v == "false" {
				continue // a flag reset to false by removing it from the configuration
			}
		}
		if intProperties[k] || k == propNativeEnabled || k == propSaveToJobBucket {
			listed[k] = v
		}
	}
	m.Properties = flex.StringMapValue(listed)
	if len(listed) == 0 && !importing {
		m.Properties = types.MapValueMust(types.StringType, nil) // `properties = {}` stays as configured
	}
}

// applyProperties makes the queue's properties those of plan, given those of state: keys
// removed are deleted (integers) or set to "false" (flags), keys added or changed are set.
func (r *dliQueueResource) applyProperties(ctx context.Context, name string, plan, state types.Map, diags *diag.Diagnostics) {
	if plan.IsUnknown() {
		return
	}
	want, had := stringElements(ctx, plan, diags), stringElements(ctx, state, diags)
	var removed []string
	set := map[string]string{}
	for k := range had {
		if _, kept := want[k]; kept {
			continue
		}
		if intProperties[k] {
			removed = append(removed, k)
		} else {
			set[k] = "false"
		}
	}
	for k, v := range want {
		if had[k] != v {
			set[k] = v
		}
	}
	if len(removed) > 0 {
		sort.Strings(removed)
		if err := r.Client.DeleteQueueProperties(ctx, name, removed); err != nil {
			r.propertiesError(diags, "Removing properties of DLI queue "+name, name, err)
			return
		}
	}
	if len(set) > 0 {
		if err := r.Client.UpdateQueueProperties(ctx, name, propertyWrites(set)); err != nil {
			r.propertiesError(diags, "Setting properties of DLI queue "+name, name, err)
		}
	}
}

// stringElements reads a known string map; null or unknown is empty.
func stringElements(ctx context.Context, m types.Map, diags *diag.Diagnostics) map[string]string {
	out := map[string]string{}
	if flex.IsKnown(m) {
		diags.Append(m.ElementsAs(ctx, &out, false)...)
	}
	return out
}
