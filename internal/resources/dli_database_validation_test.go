package resources_test

import (
	"strings"
	"testing"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
)

func TestAccDLIDatabase_planTimeValidation(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.ExpectPlanErrors(t, map[string]acctest.PlanError{
		"reserved default": {Config: databaseConfig("default", ""), Want: `(?s)name.*"default".*built-in database`},
		"starts with _":    {Config: databaseConfig("_db", ""), Want: `(?s)name.*"_db".*starts with an underscore`},
		"only digits":      {Config: databaseConfig("2024", ""), Want: `(?s)name.*"2024".*consists only of digits`},
		"dash":             {Config: databaseConfig("my-db", ""), Want: `(?s)name.*character other than`},
		"dollar":           {Config: databaseConfig("my$db", ""), Want: `(?s)name.*character other than`},
		"uppercase":        {Config: databaseConfig("Sales", ""), Want: `(?s)name.*"Sales".*uppercase`},
		"too long":         {Config: databaseConfig(strings.Repeat("d", 129), ""), Want: `(?s)name.*is 129 characters long`},
		"owner not a user": {Config: databaseConfig("db1", `  owner = "a b"`), Want: `(?s)owner.*"a b".*IAM user name`},
	})
}
