package resources_test

import (
	"strings"
	"testing"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
)

func TestAccDLIQueue_planTimeValidation(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	cases := map[string]acctest.PlanError{
		"name starts with a digit":   {Config: queueConfig("1abc", 16, ""), Want: `(?s)name.*"1abc".*does not start with a lowercase letter`},
		"name starts with _":         {Config: queueConfig("_q", 16, ""), Want: `(?s)name.*"_q".*starts with an underscore`},
		"name too long":              {Config: queueConfig("q"+strings.Repeat("a", 128), 16, ""), Want: `(?s)name.*is 129 characters long`},
		"name uppercase":             {Config: queueConfig("MyQueue", 16, ""), Want: `(?s)name.*contains uppercase`},
		"name with dash":             {Config: queueConfig("my-queue", 16, ""), Want: `(?s)name.*character other than`},
		"cu_count 17":                {Config: queueConfig("q1", 17, ""), Want: `(?s)cu_count must be a positive\s+multiple of 16, got 17`},
		"cu_count 32 at create":      {Config: queueConfig("q1", 32, ""), Want: `(?s)cu_count must be 16, 64 or 256 when a queue is\s+created, got 32`},
		"cu_count beyond int32":      {Config: queueConfig("q1", 2147483664, ""), Want: `(?s)Invalid number.*cu_count\s+is\s+2147483664,\s+which\s+is\s+not\s+a\s+32-bit\s+integer`},
		"resource_mode beyond int32": {Config: queueConfig("q1", 16, `  resource_mode = 4294967296`), Want: `(?s)Invalid number.*resource_mode\s+is\s+4294967296,\s+which\s+is\s+not\s+a\s+32-bit\s+integer`},
		"queue_type unknown":         {Config: queueConfig("q1", 16, `  queue_type = "spark"`), Want: `(?s)queue_type.*must be one of: \["sql" "general"\]`},
		"resource_mode 2":            {Config: queueConfig("q1", 16, `  resource_mode = 2`), Want: `(?s)resource_mode.*must be one of: \["0" "1"\]`},
		"platform unknown":           {Config: queueConfig("q1", 16, `  platform = "arm"`), Want: `(?s)platform.*"x86_64"`},
		"label other than multi_az":  {Config: queueConfig("q1", 16, `  labels = ["multi_az=3"]`), Want: `(?s)labels.*multi_az=2`},
	}
	env.ExpectPlanErrors(t, cases)
}
