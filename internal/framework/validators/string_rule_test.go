package validators_test

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// stringCase is a value given to a string validator and the error it should give: a
// substring of the error's detail, or "" for a valid value.
type stringCase struct {
	value types.String
	want  string
}

// testStringRule runs v on the value of each case at p, in parallel subtests, and checks
// its verdict.
func testStringRule(t *testing.T, v validator.String, p path.Path, cases map[string]stringCase) {
	t.Helper()
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			resp := &validator.StringResponse{}
			v.ValidateString(context.Background(), validator.StringRequest{Path: p, ConfigValue: tc.value}, resp)
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
