package framework

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

type runModel struct{ status string }

func TestKeepEnded(t *testing.T) {
	t.Parallel()
	ended := func(m *runModel) bool { return m.status == "FINISHED" }
	describe := func(*runModel) string { return "run r1" }
	cases := map[string]struct {
		status        string
		found, failed bool
		want          bool
	}{
		"found":             {status: "RUNNING", found: true, want: true},
		"gone while ended":  {status: "FINISHED", want: true},
		"gone while active": {status: "RUNNING", want: false},
		"read failed":       {status: "FINISHED", failed: true, want: false},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			read := func(_ context.Context, _ *runModel, diags *diag.Diagnostics) bool {
				if tc.failed {
					diags.AddError("read failed", "boom")
				}
				return tc.found
			}
			var diags diag.Diagnostics
			got := KeepEnded(read, ended, describe)(context.Background(), &runModel{status: tc.status}, &diags)
			if got != tc.want {
				t.Fatalf("KeepEnded = %v, want %v", got, tc.want)
			}
			if diags.HasError() != tc.failed {
				t.Fatalf("diagnostics %v, want an error: %v", diags, tc.failed)
			}
		})
	}
}
