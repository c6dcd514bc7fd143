package resources_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
)

func TestAccDLITable_planTimeValidation(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	dli := func(body string) string { return tableConfig("  data_location = \"DLI\"\n" + body) }
	obs := func(body string) string {
		return tableConfig("  data_location = \"OBS\"\n" + columns("a string") + body)
	}
	env.ExpectPlanErrors(t, map[string]acctest.PlanError{
		"bad type":               {Config: dli(columns("a int4")), Want: `(?s)columns\[0\].type "int4".*not\s+a\s+Spark\s+SQL\s+type`},
		"varchar without length": {Config: dli(columns("a varchar")), Want: `(?s)Invalid column type.*varchar`},
		"decimal out of range":   {Config: dli(columns("a decimal(40,2)")), Want: `(?s)decimal\(40,2\)\s+is\s+out\s+of\s+range`},
		"unclosed map":           {Config: dli(columns("a map<string,int")), Want: `(?s)Invalid column type.*missing '>'`},
		"struct without colon":   {Config: dli(`  columns = [{ name = "a", type = "struct<x int>" }]`), Want: `(?s)Invalid column type.*':'`},
		"uppercase column":       {Config: dli(columns("Amount int")), Want: `(?s)columns\[0\].name.*uppercase`},
		"duplicate column":       {Config: dli(columns("a int", "a string")), Want: `(?s)Duplicate column.*"a"`},
		"partition not last":     {Config: dli(columns("dt string partition", "a int")), Want: `(?s)Partition columns must come last`},
		"only partitions":        {Config: dli(columns("dt string partition")), Want: `(?s)at least one column that is not a partition`},
		"no columns":             {Config: dli(""), Want: `(?s)Missing columns.*DLI table`},
		"bad data_location":      {Config: tableConfig("  data_location = \"HDFS\"\n" + columns("a int")), Want: `(?s)data_location.*DLI.*OBS.*VIEW`},
		"obs option on dli":      {Config: dli(columns("a int") + `  delimiter = ","`), Want: `(?s)delimiter applies only when data_location is "OBS"`},
		"select on dli":          {Config: dli(columns("a int") + `  select_statement = "select 1"`), Want: `(?s)select_statement applies only when\s+data_location is "VIEW"`},
		"view without select":    {Config: tableConfig(`  data_location = "VIEW"`), Want: `(?s)view.*needs select_statement`},
		"view select not query":  {Config: tableConfig("  data_location = \"VIEW\"\n  select_statement = \"drop table x\""), Want: `(?s)must be a query starting with SELECT`},
		"obs without format":     {Config: obs(`  bucket_location = "obs://b/p"`), Want: `(?s)data_format is required for OBS tables`},
		"obs without bucket":     {Config: obs(`  data_format = "csv"`), Want: `(?s)bucket_location is required for OBS tables`},
		"bucket not obs":         {Config: obs("  data_format = \"csv\"\n  bucket_location = \"s3://b/p\""), Want: `(?s)must be an OBS path`},
		"bad format":             {Config: obs("  data_format = \"CSV\"\n  bucket_location = \"obs://b/p\""), Want: `(?s)data_format.*parquet.*avro`},
		"csv option on parquet":  {Config: obs("  data_format = \"parquet\"\n  bucket_location = \"obs://b/p\"\n  quote_char = \"'\""), Want: `(?s)quote_char applies only when data_format is "csv"`},
		"date on orc":            {Config: obs("  data_format = \"orc\"\n  bucket_location = \"obs://b/p\"\n  date_format = \"yyyy\""), Want: `(?s)date_format applies only when data_format is\s+"csv" or "json"`},
		"two-char quote":         {Config: obs("  data_format = \"csv\"\n  bucket_location = \"obs://b/p\"\n  quote_char = \"''\""), Want: `(?s)quote_char UTF-8 character count must be between 1 and 1, got: 2`},
		"empty escape":           {Config: obs("  data_format = \"csv\"\n  bucket_location = \"obs://b/p\"\n  escape_char = \"\""), Want: `(?s)escape_char UTF-8 character count must be between 1 and 1, got: 0`},
		"bad date letter":        {Config: obs("  data_format = \"json\"\n  bucket_location = \"obs://b/p\"\n  timestamp_format = \"yyyy-MM-dd'T'HH:mm:ssXXX\""), Want: `(?s)timestamp_format.*pattern letter "X"`},
		"bad table name":         {Config: strings.Replace(dli(columns("a int")), `"orders"`, `"_orders"`, 1), Want: `(?s)name.*"_orders".*starts with an underscore`},
		"bad database name":      {Config: strings.Replace(dli(columns("a int")), `database_name = huaweidata_dli_database.db.name`, `database_name = "Sales"`, 1), Want: `(?s)database_name.*"Sales".*uppercase`},
		"bad sql_queue":          {Config: dli(columns("a int") + `  sql_queue = "Q-1"`), Want: `(?s)sql_queue.*"Q-1"`},
	})
}

func TestAccDLITable_importInvalidID(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	for _, id := range []string{"orders", "db/t/x", "db/_t", "default_db/"} {
		t.Run(id, func(t *testing.T) {
			t.Parallel()
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: env.ProviderFactories(),
				Steps: []resource.TestStep{{
					Config:        env.Config(`resource "huaweidata_dli_table" "test" {}` + "\n"),
					ResourceName:  tableAddr,
					ImportState:   true,
					ImportStateId: id,
					ExpectError:   regexp.MustCompile(`(?s)Invalid import id.*<database>/<table>`),
				}},
			})
		})
	}
}
