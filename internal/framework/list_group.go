package framework

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// ListGroup is the `group` filter of a list resource, for objects called what that DLI files
// in named groups.
func ListGroup(what string) listschema.StringAttribute {
	return listschema.StringAttribute{
		MarkdownDescription: "Only " + what + " of this group (exact name).",
		Optional:            true,
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
	}
}

// MatchesGroup reports whether group is the wanted one (any, when want is unset).
func MatchesGroup(want types.String, group string) bool {
	return want.IsNull() || want.ValueString() == group
}
