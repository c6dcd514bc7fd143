package flex

import (
	"context"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"
)

// Tags converts a map of tags to the API's key/value list, sorted by key. It returns nil
// for a null or unknown map.
func Tags(ctx context.Context, m types.Map, diags *diag.Diagnostics) []model.Tag {
	if !IsKnown(m) {
		return nil
	}
	var kv map[string]string
	diags.Append(m.ElementsAs(ctx, &kv, false)...)
	list := make([]model.Tag, 0, len(kv))
	for k, v := range kv {
		list = append(list, model.Tag{Key: k, Value: v})
	}
	sort.Slice(list, func(i, j int) bool { return list[i].Key < list[j].Key })
	return list
}

// TagsPointer is Tags as the optional pointer the SDK request bodies take (nil for none).
func TagsPointer(ctx context.Context, m types.Map, diags *diag.Diagnostics) *[]model.Tag {
	list := Tags(ctx, m, diags)
	if list == nil {
		return nil
	}
	return &list
}
