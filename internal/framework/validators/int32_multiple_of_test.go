package validators

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestInt32MultipleOf(t *testing.T) {
	cases := map[string]struct {
		value types.Int32
		want  string // "" for valid
	}{
		"multiple":     {value: types.Int32Value(48)},
		"the multiple": {value: types.Int32Value(16)},
		"null":         {value: types.Int32Null()},
		"unknown":      {value: types.Int32Unknown()},
		"not multiple": {value: types.Int32Value(17), want: "cu_count must be a positive multiple of 16, got 17."},
		"zero":         {value: types.Int32Value(0), want: "got 0."},
		"negative":     {value: types.Int32Value(-16), want: "got -16."},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			resp := &validator.Int32Response{}
			Int32MultipleOf(16).ValidateInt32(context.Background(),
				validator.Int32Request{Path: path.Root("cu_count"), ConfigValue: tc.value}, resp)
			switch {
			case tc.want == "" && resp.Diagnostics.HasError():
				t.Fatalf("unexpected error: %v", resp.Diagnostics)
			case tc.want != "" && !resp.Diagnostics.HasError():
				t.Fatalf("no error, want one containing %q", tc.want)
			case tc.want != "":
				if got := resp.Diagnostics.Errors()[0].Detail(); !strings.Contains(got, tc.want) {
					t.Fatalf("error %q does not contain %q", got, tc.want)
				}
			}
		})
	}
}
