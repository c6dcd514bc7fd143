package framework

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
)

// ListNameRegex is the `name_regex` filter of a list resource, for objects called what.
func ListNameRegex(what string) listschema.StringAttribute {
	return listschema.StringAttribute{
		MarkdownDescription: "Only " + what + " whose name matches this RE2 regular expression (Go syntax; " +
			"unanchored: use `^...$` for a whole name), e.g. `^sales_`. Unset lists them all.",
		Optional:   true,
		Validators: []validator.String{validators.Regex()},
	}
}

// ListTags is the `tags` filter of a list resource, for objects called what; DLI applies it.
func ListTags(what string) listschema.MapAttribute {
	return listschema.MapAttribute{
		MarkdownDescription: "Only " + what + " that carry every one of these tags (key and value), as DLI filters them.",
		Optional:            true,
		ElementType:         types.StringType,
		Validators:          []validator.Map{mapvalidator.SizeAtLeast(1)},
	}
}
