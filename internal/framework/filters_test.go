package framework_test

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
)

func TestNameFilter(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		regex, keyword types.String
		match, miss    []string
	}{
		"no filter":     {regex: types.StringNull(), keyword: types.StringNull(), match: []string{"", "anything"}},
		"regex":         {regex: types.StringValue("^acc_[a-z]+$"), keyword: types.StringNull(), match: []string{"acc_db"}, miss: []string{"acc_db2", "x_acc_db"}},
		"unanchored":    {regex: types.StringValue("sales"), keyword: types.StringNull(), match: []string{"acc_sales_eu"}, miss: []string{"acc_hr"}},
		"keyword folds": {regex: types.StringNull(), keyword: types.StringValue("SaLeS"), match: []string{"acc_sales", "SALES"}, miss: []string{"acc_sale"}},
		"both": {regex: types.StringValue("^acc_"), keyword: types.StringValue("eu"), match: []string{"acc_sales_eu"},
			miss: []string{"acc_sales", "x_eu"}},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var diags diag.Diagnostics
			f := framework.NewNameFilter(tc.regex, tc.keyword, &diags)
			if diags.HasError() {
				t.Fatal(diags)
			}
			for _, n := range tc.match {
				if !f.Match(n) {
					t.Errorf("%q does not match, want a match", n)
				}
			}
			for _, n := range tc.miss {
				if f.Match(n) {
					t.Errorf("%q matches, want no match", n)
				}
			}
		})
	}
}

func TestNameFilter_invalidRegex(t *testing.T) {
	t.Parallel()
	var diags diag.Diagnostics
	framework.NewNameFilter(types.StringValue("(x"), types.StringNull(), &diags)
	if diags.ErrorsCount() != 1 || !strings.Contains(diags.Errors()[0].Detail(), "missing closing )") {
		t.Fatalf("want one error about the regex, got %v", diags)
	}
}

// TestMatching: the kept items sorted by key, in a new slice (the input, which may be a
// shared cached listing, is not modified).
func TestMatching(t *testing.T) {
	t.Parallel()
	in := []string{"c", "a2", "b", "a1"}
	got := framework.Matching(in, func(s string) bool { return s != "b" }, func(s string) string { return s[:1] })
	if strings.Join(got, ",") != "a2,a1,c" {
		t.Errorf("got %v, want [a2 a1 c] (stable by key)", got)
	}
	if strings.Join(in, ",") != "c,a2,b,a1" {
		t.Errorf("the input was modified: %v", in)
	}
}
