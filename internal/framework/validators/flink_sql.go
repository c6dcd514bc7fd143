package validators

import (
	"context"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// FlinkSQL checks that Flink SQL statements have a query (SELECT) and a sink (INSERT INTO):
// §9.2 says a Flink SQL job contains at least a source, a query and a sink. The source may
// be a table of the catalog, so it is not checked.
func FlinkSQL() validator.String { return flinkSQLRule{} }

type flinkSQLRule struct{}

var (
	flinkSQLSink  = regexp.MustCompile(`(?is)\binsert\s+into\b`)
	flinkSQLQuery = regexp.MustCompile(`(?is)\bselect\b`)
)

func (flinkSQLRule) Description(context.Context) string {
	return "must contain a query (SELECT) and a sink (INSERT INTO)"
}

func (v flinkSQLRule) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v flinkSQLRule) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if unset(req) {
		return
	}
	s := req.ConfigValue.ValueString()
	if !flinkSQLSink.MatchString(s) || !flinkSQLQuery.MatchString(s) {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Flink SQL",
			fmt.Sprintf("%s %s: a Flink SQL job reads a source, queries it and writes a sink, e.g. INSERT INTO sink SELECT ... FROM source.",
				req.Path, v.Description(ctx)))
	}
}
