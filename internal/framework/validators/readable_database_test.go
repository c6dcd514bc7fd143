package validators_test

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
)

func TestReadableDatabaseName(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		value types.String
		want  string
	}{
		"built-in":   {value: types.StringValue("default")},
		"a database": {value: types.StringValue("acc_catalog")},
		"null":       {value: types.StringNull()},
		"uppercase":  {value: types.StringValue("Default"), want: `database_name "Default" contains uppercase letters`},
		"dash":       {value: types.StringValue("acc-db"), want: "contains a character other than a letter, digit or underscore"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			req := validator.StringRequest{Path: path.Root("database_name"), ConfigValue: tc.value}
			resp := &validator.StringResponse{}
			validators.ReadableDatabaseName().ValidateString(context.Background(), req, resp)
			checkStringRule(t, resp, tc.want)
		})
	}
}
