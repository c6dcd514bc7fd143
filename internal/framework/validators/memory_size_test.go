package validators_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
)

func TestMemorySize(t *testing.T) {
	t.Parallel()
	cases := map[string]stringCase{
		"gigabytes":        {value: types.StringValue("2G")},
		"megabytes":        {value: types.StringValue("2048M")},
		"lowercase with b": {value: types.StringValue("512mb")},
		"terabytes":        {value: types.StringValue("1T")},
		"kilobytes":        {value: types.StringValue("1024kB")},
		"null":             {value: types.StringNull()},
		"unknown":          {value: types.StringUnknown()},
		"no unit":          {value: types.StringValue("2048"), want: `driver_memory "2048" must be a positive size with a unit`},
		"zero":             {value: types.StringValue("0G"), want: `"0G" must be a positive size`},
		"leading zero":     {value: types.StringValue("02G"), want: "must be a positive size"},
		"unknown unit":     {value: types.StringValue("2P"), want: "must be a positive size"},
		"space":            {value: types.StringValue("2 G"), want: "must be a positive size"},
		"empty":            {value: types.StringValue(""), want: "without a unit the job fails to start"},
	}
	testStringRule(t, validators.MemorySize(), path.Root("driver_memory"), cases)
}
