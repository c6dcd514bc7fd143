package validators

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func validateString(v validator.String, attr string, value types.String) string {
	resp := &validator.StringResponse{}
	v.ValidateString(context.Background(), validator.StringRequest{Path: path.Root(attr), ConfigValue: value}, resp)
	var out []string
	for _, d := range resp.Diagnostics.Errors() {
		out = append(out, d.Summary()+": "+d.Detail())
	}
	return strings.Join(out, "\n")
}

func TestSparkTypeValidator(t *testing.T) {
	for _, ok := range []types.String{types.StringValue("Array<INT>"), types.StringNull(), types.StringUnknown()} {
		if got := validateString(SparkType(), "type", ok); got != "" {
			t.Errorf("%s: unexpected error %s", ok, got)
		}
	}
	got := validateString(SparkType(), "type", types.StringValue("int4"))
	for _, want := range []string{"Invalid column type", `type "int4" is not a type DLI accepts`, "not a Spark SQL type", "decimal(p,s)"} {
		if !strings.Contains(got, want) {
			t.Errorf("error %q does not contain %q", got, want)
		}
	}
}
