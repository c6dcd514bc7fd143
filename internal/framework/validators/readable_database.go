package validators

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// ReadableDatabaseName validates the name of a database to read from: a name CatalogName
// accepts, or DLI's built-in database `default`, which can be read but not created.
func ReadableDatabaseName() validator.String { return readableDatabaseRule{} }

type readableDatabaseRule struct{}

func (readableDatabaseRule) Description(ctx context.Context) string {
	return "`default` or a database name of " + CatalogName("database").Description(ctx)
}

func (r readableDatabaseRule) MarkdownDescription(ctx context.Context) string {
	return r.Description(ctx)
}

func (readableDatabaseRule) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.ValueString() == builtinDatabase {
		return
	}
	CatalogName("database").ValidateString(ctx, req, resp)
}

// builtinDatabase is DLI's built-in database (§7.1.1).
const builtinDatabase = "default"
