package validators_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
)

func TestRE2Regex(t *testing.T) {
	t.Parallel()
	cases := map[string]stringCase{
		"anchored":       {value: types.StringValue("^acc_[a-z]+$")},
		"empty":          {value: types.StringValue("")},
		"null":           {value: types.StringNull()},
		"unknown":        {value: types.StringUnknown()},
		"unclosed group": {value: types.StringValue("(abc"), want: "name_regex must be a regular expression in RE2 syntax"},
		"look-ahead":     {value: types.StringValue("a(?=b)"), want: "invalid or unsupported Perl syntax"},
		"back-reference": {value: types.StringValue(`(a)\1`), want: "invalid escape sequence"},
		"bad repetition": {value: types.StringValue("*a"), want: "missing argument to repetition operator"},
	}
	testStringRule(t, validators.RE2Regex(), path.Root("name_regex"), cases)
}
