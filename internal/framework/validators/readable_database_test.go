package validators_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
)

func TestReadableDatabaseName(t *testing.T) {
	t.Parallel()
	cases := map[string]stringCase{
		"built-in":   {value: types.StringValue("default")},
		"a database": {value: types.StringValue("acc_catalog")},
		"null":       {value: types.StringNull()},
		"uppercase":  {value: types.StringValue("Default"), want: `database_name "Default" contains uppercase letters`},
		"dash":       {value: types.StringValue("acc-db"), want: "contains a character other than a letter, digit or underscore"},
	}
	testStringRule(t, validators.ReadableDatabaseName(), path.Root("database_name"), cases)
}
