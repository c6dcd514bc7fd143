package resources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/mapplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
)

// ModifyPlan requires object_path to upload a package; an existing one (imported: DLI does
// not return the path) may leave it unset.
func (r *dliPackageResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	framework.RequireOnCreate(ctx, req, resp, "it is the OBS object DLI uploads the package from.", []string{"object_path"})
}

// replaceUnlessImportedPath replaces a package when its object_path changes. An imported
// package has no object_path in state (DLI does not return it): then a path whose last
// segment is the imported package's name is recorded in place, and any other replaces.
func replaceUnlessImportedPath() planmodifier.String {
	return stringplanmodifier.RequiresReplaceIf(func(ctx context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
		if !req.StateValue.IsNull() {
			resp.RequiresReplace = true
			return
		}
		var imported types.String
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("object_name"), &imported)...)
		resp.RequiresReplace = req.PlanValue.IsUnknown() || packageNameOf(req.PlanValue.ValueString()) != imported.ValueString()
	}, "Changing it replaces the package; after an import, a path ending in the package's name is recorded in place.",
		"Changing it replaces the package; after an import, a path ending in the package's name is recorded in place.")
}

// replaceMapUnlessImported replaces a package when its tags change, except that the tags of
// an imported package (one with no object_path in state: DLI returns neither) are recorded
// in place.
func replaceMapUnlessImported() planmodifier.Map {
	return mapplanmodifier.RequiresReplaceIf(func(ctx context.Context, req planmodifier.MapRequest, resp *mapplanmodifier.RequiresReplaceIfFuncResponse) {
		var objectPath types.String
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("object_path"), &objectPath)...)
		resp.RequiresReplace = !objectPath.IsNull()
	}, "Changing them replaces the package; after an import, the configured tags are recorded in place.",
		"Changing them replaces the package; after an import, the configured tags are recorded in place.")
}

// packageNameFromPath plans a package's object_name (or, with withGroup, its id
// `<group>/<name>`) from object_path and group_name as soon as they are known, so that
// jobs referring to the package show the reference in the plan.
func packageNameFromPath(withGroup bool) planmodifier.String {
	return packageNamePlan{withGroup: withGroup}
}

type packageNamePlan struct{ withGroup bool }

func (m packageNamePlan) Description(context.Context) string {
	if m.withGroup {
		return "Planned as `<group_name>/<last segment of object_path>`."
	}
	return "Planned as the last segment of `object_path`."
}

func (m packageNamePlan) MarkdownDescription(ctx context.Context) string { return m.Description(ctx) }

func (m packageNamePlan) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if !req.PlanValue.IsUnknown() {
		return
	}
	var objectPath, group types.String
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("object_path"), &objectPath)...)
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("group_name"), &group)...)
	if objectPath.IsUnknown() || objectPath.IsNull() || group.IsUnknown() || group.IsNull() {
		return
	}
	name := packageNameOf(objectPath.ValueString())
	if m.withGroup {
		name = group.ValueString() + "/" + name
	}
	resp.PlanValue = types.StringValue(name)
}
