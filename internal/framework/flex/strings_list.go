package flex

import (
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// StringsOrNull is the strings behind p as a Terraform list, null for nil.
func StringsOrNull(p *[]string) types.List {
	if p == nil {
		return types.ListNull(types.StringType)
	}
	elems := make([]attr.Value, len(*p))
	for i, s := range *p {
		elems[i] = types.StringValue(s)
	}
	return types.ListValueMust(types.StringType, elems)
}
