package framework

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// RequireOnCreate is for arguments the API never returns, so that an imported resource, or
// the configuration `terraform plan -generate-config-out` writes for it, leaves them unset:
// they are optional in the schema and required only to create. When the plan creates the
// resource, each group (alternatives, e.g. a secret and its write-only form) of which
// nothing is configured is an error on its first attribute, saying why.
func RequireOnCreate(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse, why string, groups ...[]string) {
	if !req.State.Raw.IsNull() || req.Plan.Raw.IsNull() {
		return // an existing resource, or a destroy
	}
	for _, group := range groups {
		configured := false
		for _, name := range group {
			var v attr.Value
			resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(name), &v)...)
			if v != nil && !v.IsNull() {
				configured = true
				break
			}
		}
		if !configured {
			resp.Diagnostics.AddAttributeError(path.Root(group[0]), "Missing argument to create",
				"Set "+strings.Join(group, " or ")+" to create this resource: "+why)
		}
	}
}
