package framework

import (
	"errors"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
)

func TestFound(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		err       error
		found     bool
		diagnosed bool
	}{
		"no error":  {found: true},
		"not found": {err: &client.NotFoundError{Kind: "queue", Name: "q1"}},
		"failed":    {err: errors.New("HTTP 500"), diagnosed: true},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var diags diag.Diagnostics
			if got := Found(&diags, "Reading DLI queue q1", tc.err); got != tc.found {
				t.Errorf("Found = %v, want %v", got, tc.found)
			}
			if diags.HasError() != tc.diagnosed {
				t.Errorf("diagnostics %v, want an error: %v", diags, tc.diagnosed)
			}
		})
	}
}
