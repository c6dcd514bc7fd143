package validators

import (
	"context"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// CatalogName validates database and table names (§7.1.1, §7.2.1): letters, digits and
// underscores (tables also '$'), not only digits, not starting with an underscore, at most
// 128 characters; "default" is reserved for databases. DLI is case-insensitive and stores
// names in lowercase, so names must be written in lowercase (any other spelling would show
// a difference on every plan). kind is "database" or "table".
func CatalogName(kind string) validator.String { return catalogNameRule{kind: kind} }

type catalogNameRule struct{ kind string }

func (r catalogNameRule) Description(context.Context) string {
	if r.kind == "table" {
		return "1 to 128 characters: lowercase letters, digits, underscores and $, not only digits, not starting with an underscore"
	}
	return "1 to 128 characters: lowercase letters, digits and underscores, not only digits, not starting with an underscore, and not `default`"
}

func (r catalogNameRule) MarkdownDescription(ctx context.Context) string { return r.Description(ctx) }

func (r catalogNameRule) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if unset(req) {
		return
	}
	name := req.ConfigValue.ValueString()
	if problem := CatalogNameProblem(r.kind, name); problem != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid name",
			fmt.Sprintf("%s %q %s; a %s name must be %s.", req.Path, name, problem, r.kind, r.Description(ctx)))
	}
}

var (
	tableNameChars    = regexp.MustCompile(`^[A-Za-z0-9_$]+$`)
	lowercaseNameRule = regexp.MustCompile(`[A-Z]`)
)

// CatalogNameProblem says what is wrong with a database or table name ("" if nothing), for
// checks outside the schema such as import ids.
func CatalogNameProblem(kind, name string) string {
	switch {
	case len(name) == 0 || len(name) > 128:
		return fmt.Sprintf("is %d characters long", len(name))
	case kind == "table" && !tableNameChars.MatchString(name):
		return "contains a character other than a letter, digit, underscore or $"
	case kind != "table" && !dliNameChars.MatchString(name):
		return "contains a character other than a letter, digit or underscore"
	case name[0] == '_':
		return "starts with an underscore"
	case allDigits.MatchString(name):
		return "consists only of digits"
	case lowercaseNameRule.MatchString(name):
		return "contains uppercase letters (DLI stores names in lowercase)"
	case kind == "database" && name == "default":
		return "is DLI's built-in database, which cannot be created or managed"
	}
	return ""
}
