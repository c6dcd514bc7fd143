package validators

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/fwtypes"
)

// SparkType validates a Spark SQL column type (fwtypes.NormalizeSparkType), naming what
// is wrong with it.
func SparkType() validator.String { return sparkTypeRule{} }

type sparkTypeRule struct{}

func (sparkTypeRule) Description(context.Context) string {
	return "a Spark SQL type: boolean, tinyint, smallint, int, bigint, float, double, string, binary, date, timestamp, " +
		"decimal(p,s), varchar(n), char(n), array<type>, map<key,value> or struct<name:type,...>"
}

func (v sparkTypeRule) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v sparkTypeRule) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if unset(req) {
		return
	}
	if _, err := fwtypes.NormalizeSparkType(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid column type",
			fmt.Sprintf("%s %q is not a type DLI accepts: %v. It must be %s.", req.Path, req.ConfigValue.ValueString(), err, v.Description(ctx)))
	}
}
