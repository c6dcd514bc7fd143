package framework

import (
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
)

// ComputedString is a read-only string result attribute of a data source.
func ComputedString(desc string) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
}

// ComputedRFC3339 is a read-only RFC 3339 timestamp result attribute of a data source.
func ComputedRFC3339(desc string) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: desc, Computed: true, CustomType: timetypes.RFC3339Type{}}
}
