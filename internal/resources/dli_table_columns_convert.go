package resources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/fwtypes"
)

// Conversions of columns for the Read of every table. The framework's ElementsAs and
// ListValueFrom go through its reflection, which compiles a regular expression for every
// struct field of every element: reading the four attributes of each column object
// directly saves that on each refresh.

// tableColumns decodes a list of columns, as ElementsAs does; a list that holds anything
// but known column objects goes through ElementsAs itself (and its diagnostics).
func tableColumns(ctx context.Context, l types.List) ([]tableColumnModel, diag.Diagnostics) {
	elems := l.Elements()
	cols := make([]tableColumnModel, 0, len(elems))
	for _, e := range elems {
		c, ok := columnFromObject(e)
		if !ok {
			var out []tableColumnModel
			diags := l.ElementsAs(ctx, &out, false)
			return out, diags
		}
		cols = append(cols, c)
	}
	return cols, nil
}

// columnFromObject reads a known column object; false for anything else.
func columnFromObject(v attr.Value) (tableColumnModel, bool) {
	o, ok := v.(types.Object)
	if !ok || o.IsNull() || o.IsUnknown() {
		return tableColumnModel{}, false
	}
	a := o.Attributes()
	name, okName := a["name"].(types.String)
	typ, okType := a["type"].(fwtypes.SparkType)
	desc, okDesc := a["description"].(types.String)
	part, okPart := a["is_partition"].(types.Bool)
	c := tableColumnModel{Name: name, Type: typ, Description: desc, IsPartition: part}
	return c, okName && okType && okDesc && okPart && len(a) == len(tableColumnAttrTypes)
}

// tableColumnsList is the list value of cols, as ListValueFrom makes it.
func tableColumnsList(cols []tableColumnModel) (types.List, diag.Diagnostics) {
	elems := make([]attr.Value, len(cols))
	for i, c := range cols {
		o, diags := types.ObjectValue(tableColumnAttrTypes, map[string]attr.Value{
			"name": c.Name, "type": c.Type, "description": c.Description, "is_partition": c.IsPartition,
		})
		if diags.HasError() {
			return types.ListUnknown(tableColumnObjectType), diags
		}
		elems[i] = o
	}
	return types.ListValue(tableColumnObjectType, elems)
}
