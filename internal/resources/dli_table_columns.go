package resources

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/fwtypes"
)

// The columns of huaweidata_dli_table: their model, and how a change of columns is made
// (in place, or by replacing the table). Column types are fwtypes.SparkType values, so INT,
// Integer and int are one type, as DLI's describe reports them.

// columnNameShape is the column-name rule: DLI stores names in lowercase, and the provider
// quotes names with backquotes in DDL.
var columnNameShape = regexp.MustCompile("^[^A-Z`]+$")

// tableColumnModel is one element of columns.
type tableColumnModel struct {
	Name        types.String      `tfsdk:"name"`
	Type        fwtypes.SparkType `tfsdk:"type"`
	Description types.String      `tfsdk:"description"`
	IsPartition types.Bool        `tfsdk:"is_partition"`
}

var tableColumnAttrTypes = map[string]attr.Type{
	"name": types.StringType, "type": fwtypes.SparkTypeType{}, "description": types.StringType, "is_partition": types.BoolType,
}

var tableColumnObjectType = types.ObjectType{AttrTypes: tableColumnAttrTypes}

// sameColumn reports whether two columns are the same apart from spelling.
func sameColumn(a, b tableColumnModel) bool {
	return strings.EqualFold(a.Name.ValueString(), b.Name.ValueString()) && fwtypes.SameSparkType(a.Type.ValueString(), b.Type.ValueString()) &&
		a.IsPartition.ValueBool() == b.IsPartition.ValueBool() && a.Description.Equal(b.Description)
}

func splitColumns(cols []tableColumnModel) (data, parts []tableColumnModel) {
	for _, c := range cols {
		if c.IsPartition.ValueBool() {
			parts = append(parts, c)
		} else {
			data = append(data, c)
		}
	}
	return data, parts
}

// columnChange is what an update of columns needs.
type columnChange struct {
	replace     string             // why the table must be replaced; "" when it can change in place
	appended    []tableColumnModel // non-partition columns added after the existing ones
	commentOnly []tableColumnModel // existing columns whose description changes
}

func (c columnChange) inPlace() bool {
	return c.replace == "" && (len(c.appended) > 0 || len(c.commentOnly) > 0)
}

// diffColumns decides how old columns become new ones. Only appending non-partition columns
// and changing descriptions of non-partition columns can be done in place (ALTER TABLE ...
// ADD COLUMNS / CHANGE COLUMN ... COMMENT); anything else replaces the table.
func diffColumns(old, cur []tableColumnModel, view bool) columnChange {
	for _, c := range cur {
		if c.Name.IsUnknown() || c.Type.IsUnknown() || c.IsPartition.IsUnknown() {
			return columnChange{replace: "a column's name, type or is_partition is not known until apply"}
		}
	}
	oldData, oldParts := splitColumns(old)
	newData, newParts := splitColumns(cur)
	var ch columnChange
	if len(newParts) != len(oldParts) {
		return columnChange{replace: fmt.Sprintf("the partition columns change (%d before, %d after)", len(oldParts), len(newParts))}
	}
	for i := range oldParts {
		if !sameColumn(oldParts[i], newParts[i]) {
			return columnChange{replace: fmt.Sprintf("partition column %q changes (partition columns cannot be altered)", oldParts[i].Name.ValueString())}
		}
	}
	if len(newData) < len(oldData) {
		return columnChange{replace: fmt.Sprintf("columns are removed (%d before, %d after)", len(oldData), len(newData))}
	}
	for i, o := range oldData {
		n := newData[i]
		switch {
		case !strings.EqualFold(o.Name.ValueString(), n.Name.ValueString()):
			return columnChange{replace: fmt.Sprintf("column %d is renamed or reordered (%q becomes %q)", i+1, o.Name.ValueString(), n.Name.ValueString())}
		case !fwtypes.SameSparkType(o.Type.ValueString(), n.Type.ValueString()):
			return columnChange{replace: fmt.Sprintf("column %q changes type from %s to %s", o.Name.ValueString(), o.Type.ValueString(), n.Type.ValueString())}
		case !o.Description.Equal(n.Description):
			ch.commentOnly = append(ch.commentOnly, n)
		}
	}
	ch.appended = newData[len(oldData):]
	if view && ch.inPlace() {
		return columnChange{replace: "the columns of a view change (views cannot be altered in place)"}
	}
	return ch
}

// columnsPlanModifier keeps the prior columns when the configuration only spells them
// differently (INT for int), and requires replacement when the change cannot be made in place.
type columnsPlanModifier struct{}

func (columnsPlanModifier) Description(context.Context) string {
	return "Appending non-partition columns and changing column descriptions update the table in place; " +
		"removing, renaming, reordering or retyping columns, or changing partition columns, replaces it."
}

func (m columnsPlanModifier) MarkdownDescription(ctx context.Context) string {
	return m.Description(ctx)
}

func (columnsPlanModifier) PlanModifyList(ctx context.Context, req planmodifier.ListRequest, resp *planmodifier.ListResponse) {
	if req.StateValue.IsNull() || req.StateValue.IsUnknown() || req.PlanValue.IsNull() || req.PlanValue.IsUnknown() || req.Plan.Raw.IsNull() {
		return
	}
	if req.PlanValue.Equal(req.StateValue) {
		// Unchanged columns: nothing to replace or respell. Skipping saves decoding both
		// lists through reflection on every plan of an unchanged table.
		return
	}
	var old, cur []tableColumnModel
	resp.Diagnostics.Append(req.StateValue.ElementsAs(ctx, &old, false)...)
	resp.Diagnostics.Append(req.PlanValue.ElementsAs(ctx, &cur, false)...)
	var location types.String
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("data_location"), &location)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ch := diffColumns(old, cur, location.ValueString() == "VIEW")
	if ch.replace != "" {
		resp.RequiresReplace = true
		resp.Diagnostics.AddAttributeWarning(req.Path, "DLI table will be replaced",
			fmt.Sprintf("The table must be dropped and created again because %s. DLI can only append columns (and change "+
				"column descriptions) in place. Its data is lost unless it lives in OBS; while deletion_protection is true the apply stops before dropping it.", ch.replace))
		return
	}
	// Keep the prior spelling of every unchanged column, so only real changes show.
	elems := req.PlanValue.Elements()
	for i := range old {
		if i < len(cur) && sameColumn(old[i], cur[i]) {
			elems[i] = req.StateValue.Elements()[i]
		}
	}
	list, diags := types.ListValue(tableColumnObjectType, elems)
	resp.Diagnostics.Append(diags...)
	resp.PlanValue = list
}
