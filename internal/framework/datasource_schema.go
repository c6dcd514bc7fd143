package framework

import (
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// ComputedString is a read-only string result attribute of a data source.
func ComputedString(desc string) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
}

// ComputedRFC3339 is a read-only RFC 3339 timestamp result attribute of a data source.
func ComputedRFC3339(desc string) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: desc, Computed: true, CustomType: timetypes.RFC3339Type{}}
}

// ComputedInt32 is a read-only 32-bit number result attribute of a data source.
func ComputedInt32(desc string) schema.Int32Attribute {
	return schema.Int32Attribute{MarkdownDescription: desc, Computed: true}
}

// ComputedInt64 is a read-only 64-bit number result attribute of a data source.
func ComputedInt64(desc string) schema.Int64Attribute {
	return schema.Int64Attribute{MarkdownDescription: desc, Computed: true}
}

// ComputedBool is a read-only boolean result attribute of a data source.
func ComputedBool(desc string) schema.BoolAttribute {
	return schema.BoolAttribute{MarkdownDescription: desc, Computed: true}
}

// ComputedStringList is a read-only list-of-strings result attribute of a data source.
func ComputedStringList(desc string) schema.ListAttribute {
	return schema.ListAttribute{MarkdownDescription: desc, Computed: true, ElementType: types.StringType}
}

// ComputedStringMap is a read-only map-of-strings result attribute of a data source.
func ComputedStringMap(desc string) schema.MapAttribute {
	return schema.MapAttribute{MarkdownDescription: desc, Computed: true, ElementType: types.StringType}
}
