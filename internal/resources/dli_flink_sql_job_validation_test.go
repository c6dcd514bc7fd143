package resources_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
)

func TestAccDLIFlinkSQLJob_planTimeValidation(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	job := func(extra string) string { return flinkConfig("acc_plan", flinkSQL1, extra) }
	cases := map[string]acctest.PlanError{
		// Cross-field rules.
		"queue_name without exclusive_cluster": {Config: job(`  queue_name = "q1"`), Want: `(?s)queue_name can only be set when run_mode is\s+exclusive_cluster; run_mode is\s+shared_cluster`},
		"queue_name with edge_node":            {Config: job("  run_mode = \"edge_node\"\n  queue_name = \"q1\""), Want: `(?s)queue_name can only be set.*run_mode is\s+edge_node`},
		"exclusive_cluster without queue_name": {Config: job(`  run_mode = "exclusive_cluster"`), Want: `(?s)queue_name is required when run_mode is\s+exclusive_cluster`},
		"checkpoint_enabled without obs":       {Config: job(`  checkpoint_enabled = true`), Want: `(?s)checkpoint_enabled = true needs obs_bucket`},
		"log_enabled without obs":              {Config: job(`  log_enabled = true`), Want: `(?s)log_enabled = true needs obs_bucket`},
		"manager_cu_number not below cu":       {Config: job("  cu_number = 4\n  manager_cu_number = 4"), Want: `(?s)manager_cu_number \(4\) must be less than\s+cu_number \(4\)`},
		"manager_cu_number vs default cu":      {Config: job(`  manager_cu_number = 2`), Want: `(?s)manager_cu_number \(2\) must be less than\s+cu_number \(2\)`},
		"parallel_number over 4x":              {Config: job("  cu_number = 3\n  parallel_number = 9"), Want: `(?s)parallel_number \(9\) must be at most 4 x.*= 8`},
		"parallel_number over default 4x":      {Config: job(`  parallel_number = 5`), Want: `(?s)parallel_number \(5\) must be at most.*= 4`},
		"opensource type on shared cluster":    {Config: job(`  type = "flink_opensource_sql_job"`), Want: `(?s)run_mode shared_cluster must be of type\s+flink_sql_job`},
		// Single-attribute rules.
		"name empty":               {Config: flinkConfig("", flinkSQL1, ""), Want: `(?s)name.*character count must be\s+between 1 and 57`},
		"name too long":            {Config: flinkConfig(strings.Repeat("n", 58), flinkSQL1, ""), Want: `(?s)name.*character count must be\s+between 1 and 57`},
		"name 58 characters, CJK":  {Config: flinkConfig(strings.Repeat("流", 58), flinkSQL1, ""), Want: `(?s)name.*character count must be\s+between 1 and 57, got: 58`},
		"description 513, CJK":     {Config: job(fmt.Sprintf("  description = %q", strings.Repeat("述", 513))), Want: `(?s)description.*at most 512`},
		"description too long":     {Config: job(fmt.Sprintf("  description = %q", strings.Repeat("d", 513))), Want: `(?s)description.*at most 512`},
		"sql without sink":         {Config: flinkConfig("acc_plan", "SELECT * FROM demo_db.orders", ""), Want: `(?s)must contain a query \(SELECT\) and a sink\s+\(INSERT INTO\)`},
		"type unknown":             {Config: job(`  type = "flink_jar_job"`), Want: `(?s)type.*must be one of`},
		"run_mode unknown":         {Config: job(`  run_mode = "dedicated"`), Want: `(?s)run_mode.*must be one of`},
		"queue_name invalid":       {Config: job("  run_mode = \"exclusive_cluster\"\n  queue_name = \"Bad-Queue\""), Want: `(?s)queue_name.*"Bad-Queue"`},
		"cu_number 1":              {Config: job(`  cu_number = 1`), Want: `(?s)cu_number.*between 2 and 400`},
		"cu_number 401":            {Config: job(`  cu_number = 401`), Want: `(?s)cu_number.*between 2 and 400`},
		"manager_cu_number 0":      {Config: job(`  manager_cu_number = 0`), Want: `(?s)manager_cu_number.*at least 1`},
		"parallel_number 2001":     {Config: job("  cu_number = 400\n  parallel_number = 2001"), Want: `(?s)parallel_number.*between 1 and 2000`},
		"tm_cus 0":                 {Config: job(`  tm_cus = 0`), Want: `(?s)tm_cus.*at least 1`},
		"tm_slot_num 0":            {Config: job(`  tm_slot_num = 0`), Want: `(?s)tm_slot_num.*at least 1`},
		"checkpoint_mode unknown":  {Config: job(`  checkpoint_mode = "once"`), Want: `(?s)checkpoint_mode.*must be one of`},
		"checkpoint_interval 0":    {Config: job(`  checkpoint_interval = 0`), Want: `(?s)checkpoint_interval.*at least 1`},
		"idle_state_retention 0":   {Config: job(`  idle_state_retention = 0`), Want: `(?s)idle_state_retention.*at least 1`},
		"dirty_data_strategy 2":    {Config: job(`  dirty_data_strategy = "2"`), Want: `(?s)dirty_data_strategy.*"2:<obs dir>"`},
		"resume_max_num 0":         {Config: job(`  resume_max_num = 0`), Want: `(?s)resume_max_num.*-1`},
		"flink_version unknown":    {Config: job(`  flink_version = "2.0"`), Want: `(?s)flink_version.*must be one of`},
		"tag value too long":       {Config: job(fmt.Sprintf("  tags = { k = %q }", strings.Repeat("v", 256))), Want: `(?s)tags.*between 1 and 255`},
		"desired_state unknown":    {Config: job(`  desired_state = "paused"`), Want: `(?s)desired_state.*must be one of`},
		"restart_policy unknown":   {Config: job(`  restart_policy = "resume"`), Want: `(?s)restart_policy.*must be one of`},
		"obs_bucket empty":         {Config: job(`  obs_bucket = ""`), Want: `(?s)obs_bucket.*at least 1`},
		"runtime_config empty key": {Config: job(`  runtime_config = { "" = "x" }`), Want: `(?s)runtime_config.*at least 1`},
	}
	// Numbers DLI takes as 32-bit integers: a larger one fails at plan, naming the attribute.
	for _, attr := range []string{"cu_number", "manager_cu_number", "parallel_number", "tm_cus", "tm_slot_num",
		"checkpoint_interval", "idle_state_retention", "resume_max_num"} {
		cases[attr+" beyond int32"] = acctest.PlanError{Config: job(fmt.Sprintf("  %s = 2147483664", attr)), Want: `(?s)Invalid number.*` + attr + `\s+is\s+2147483664,\s+which\s+is\s+not\s+a\s+32-bit\s+integer`}
	}
	env.ExpectPlanErrors(t, cases)
}

// Names and descriptions are limited in characters, not bytes: a name of 20 Chinese
// characters (60 bytes in UTF-8) and a description of 512 are accepted and kept.
//
// The name of the job created must start with the test's prefix (Env.Name), so the exact
// 20-character Chinese name is checked by a plan-only step (which creates nothing), and the
// job applied is named with the prefix and the same 20 Chinese characters: 32 characters,
// 72 bytes, so the apply still shows that more than 57 bytes are accepted.
func TestAccDLIFlinkSQLJob_unicodeName(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	zh, desc := strings.Repeat("实时订单汇总", 3)+"作业", strings.Repeat("按地区汇总订单金额", 56)+"按地区汇总订单金" // 20 and 512 characters
	name := env.Name(zh)
	descAttr := fmt.Sprintf("  description = %q", desc)
	config := env.Config(flinkConfig(name, flinkSQL1, descAttr))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             flinkDestroyed(env, t, false),
		Steps: []resource.TestStep{
			{
				// Exactly 20 Chinese characters pass plan.
				Config:             env.Config(flinkConfig(zh, flinkSQL1, descAttr)),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			},
			{
				Config:           config,
				ConfigPlanChecks: acctest.ExpectAction(flinkAddr, plancheck.ResourceActionCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					expectFlink("name", knownvalue.StringExact(name)),
					expectFlink("description", knownvalue.StringExact(desc)),
					expectFlink("status", knownvalue.StringExact("job_running")),
				},
			},
		},
	})
}
