package validators_test

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
)

func TestPackageRef(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		value types.String
		want  string // substring of the error; "" for valid
	}{
		"uploaded package":   {value: types.StringValue("spark-examples.jar")},
		"package in a group": {value: types.StringValue("groupTest/testJar.jar")},
		"obs object":         {value: types.StringValue("obs://demo-bucket/jars/deps.jar")},
		"null":               {value: types.StringNull()},
		"unknown":            {value: types.StringUnknown()},
		"empty":              {value: types.StringValue(""), want: `jars[0] "" is empty`},
		"blank":              {value: types.StringValue("  "), want: "is empty"},
		"obs bucket only":    {value: types.StringValue("obs://only-bucket"), want: "is not a complete OBS path (obs://bucket/object)"},
		"obs no bucket":      {value: types.StringValue("obs:///x"), want: "is not a complete OBS path"},
		"obs with space":     {value: types.StringValue("obs://b/a b"), want: "is not a complete OBS path"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			req := validator.StringRequest{Path: path.Root("jars").AtListIndex(0), ConfigValue: tc.value}
			resp := &validator.StringResponse{}
			validators.PackageRef().ValidateString(context.Background(), req, resp)
			checkStringRule(t, resp, tc.want)
		})
	}
}

// checkStringRule requires no error when want is empty, else one error containing want.
func checkStringRule(t *testing.T, resp *validator.StringResponse, want string) {
	t.Helper()
	switch {
	case want == "" && resp.Diagnostics.HasError():
		t.Fatalf("unexpected error: %v", resp.Diagnostics)
	case want != "" && resp.Diagnostics.ErrorsCount() != 1:
		t.Fatalf("want one error containing %q, got %v", want, resp.Diagnostics)
	case want != "" && !strings.Contains(resp.Diagnostics.Errors()[0].Detail(), want):
		t.Fatalf("error %q does not contain %q", resp.Diagnostics.Errors()[0].Detail(), want)
	}
}
