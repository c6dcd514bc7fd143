package datasources_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

const instancesAddr = "data.huaweidata_dataarts_node_instances.test"

func instancesConfig(taskID, jobName, start, end string) string {
	return fmt.Sprintf(`
data "huaweidata_dataarts_node_instances" "test" {
  task_id    = %q
  job_name   = %q
  start_time = %q
  end_time   = %q
}
`, taskID, jobName, start, end)
}

func TestAccDataArtsNodeInstances_allPagesTypedRows(t *testing.T) {
	t.Parallel()
	env := acctest.NewEmulatedEnv(t, "the emulator's default DataArts fixture")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				// 240 hourly runs from 2024-01-01 and seed 002's run: three pages of 100.
				// Another job name of the same operator has no instances (one call).
				Config: withDataArts(env.Env, instancesConfig("937987", "ETL_Job_dli2dws", "2024-01-01T00:00:00Z", "2024-01-12T00:00:00Z")+`
data "huaweidata_dataarts_node_instances" "other" {
  task_id    = "937987"
  job_name   = "other_job"
  start_time = "2024-01-01T00:00:00Z"
  end_time   = "2024-01-12T00:00:00Z"
}
`),
				ConfigStateChecks: []statecheck.StateCheck{
					readsOf(env.Env, "ShowInstanceInfos", 3+1),
					expectAttr("data.huaweidata_dataarts_node_instances.other", "instances", knownvalue.ListSizeExact(0)),
					expectAttr(instancesAddr, "workspace_id", knownvalue.StringExact(emulator.DemoDataArtsWorkspaceID)),
					expectAttr(instancesAddr, "instances", knownvalue.ListSizeExact(241)),
					expectAttr(instancesAddr, "instances.0", knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"plan_time": knownvalue.StringExact("2024-01-01T00:00:00Z"),
						"status":    knownvalue.StringExact("success"),
						"end_time":  knownvalue.StringExact("2024-01-01T00:01:35Z"),
						"speed":     knownvalue.Float64Exact(11.5),
					})),
					expectAttr(instancesAddr, "instances.2.status", knownvalue.StringExact("fail")),
					// Seed 002's run: still running, so no end time.
					expectAttr(instancesAddr, "instances.240", knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"status":              knownvalue.StringExact("running"),
						"task_running_log_id": knownvalue.Int64Exact(126074594),
						"plan_time":           knownvalue.StringExact("2024-01-11T01:01:47Z"),
						"start_time":          knownvalue.StringExact("2024-01-11T01:01:56Z"),
						"end_time":            knownvalue.Null(),
						"fail_count":          knownvalue.Int64Exact(-1),
						"force_success":       knownvalue.Bool(false),
						"workspace_name":      knownvalue.StringExact("kw_test"),
						"running_param":       knownvalue.StringRegexp(regexp.MustCompile(`ETLJobRunner`)),
					})),
				},
			},
		},
	})
}

func TestAccDataArtsNodeInstances_malformedBody(t *testing.T) {
	t.Parallel()
	env := acctest.NewEmulatedEnv(t, "a DataArts fixture set in the emulator")
	broken := `{"msg":"success","rows":[{"status":"running","planTime":17` // cut off by the back end
	fx := emulator.DataArtsFixture{NodeTasks: []emulator.NodeTask{
		{TaskID: "1", JobName: "broken", RawBody: &broken},
		{TaskID: "2", JobName: "down", RawBody: ptr.Of(`{"msg":"scheduler unavailable"}`), StatusCode: 503},
	}}
	if err := env.Emulator.SetDataArtsFixture(fx); err != nil {
		t.Fatal(err)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config:      withDataArts(env.Env, instancesConfig("1", "broken", "2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z")),
				ExpectError: regexp.MustCompile(`(?s)Reading DataArts node instances failed.*body\s+field\s+is\s+not\s+the\s+expected\s+JSON\s+document`),
			},
			{
				Config:      withDataArts(env.Env, instancesConfig("2", "down", "2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z")),
				ExpectError: regexp.MustCompile(`(?s)status_code\s+503.*scheduler\s+unavailable`),
			},
		},
	})
}

func TestAccDataArtsNodeInstances_planErrors(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	ok := func(start, end string) string {
		return withDataArts(env, instancesConfig("937987", "ETL_Job_dli2dws", start, end))
	}
	env.ExpectPlanErrors(t, map[string]acctest.PlanError{
		"instance missing in both places": {
			Config: instancesConfig("937987", "ETL_Job_dli2dws", "2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z"),
			Want:   `(?s)Missing DataArts Studio instance ID.*instance_id on the data source.*dataarts = \{\s+instance_id`,
		},
		"end equals start":  {Config: ok("2024-01-01T00:00:00Z", "2024-01-01T08:00:00+08:00"), Want: `(?s)end_time \(2024-01-01T08:00:00\+08:00\) must be after start_time`},
		"end before start":  {Config: ok("2024-01-02T00:00:00Z", "2024-01-01T00:00:00Z"), Want: `(?s)end_time .* must be after start_time`},
		"start not rfc3339": {Config: ok("1705248000000", "2024-01-01T00:00:00Z"), Want: `(?s)Invalid RFC3339 String Value.*start_time.*Given\s+Value:\s+1705248000000`},
		"end not rfc3339":   {Config: ok("2024-01-01T00:00:00Z", "tomorrow"), Want: `(?s)Invalid RFC3339 String Value.*end_time.*Given\s+Value:\s+tomorrow`},
		"empty task_id": {
			Config: withDataArts(env, instancesConfig("", "ETL_Job_dli2dws", "2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z")),
			Want:   `Attribute\s+task_id\s+string\s+length\s+must\s+be\s+at\s+least\s+1,\s+got:\s+0`,
		},
		"blank job_name": {
			Config: withDataArts(env, instancesConfig("937987", " ", "2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z")),
			Want:   `Attribute\s+job_name\s+must\s+not\s+be\s+blank`,
		},
		"missing job_name": {
			Config: withDataArts(env, `
data "huaweidata_dataarts_node_instances" "test" {
  task_id    = "1"
  start_time = "2024-01-01T00:00:00Z"
  end_time   = "2024-01-02T00:00:00Z"
}
`),
			Want: `(?s)The argument "job_name" is required`,
		},
	})
}
