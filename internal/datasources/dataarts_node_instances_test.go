package datasources_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

const instancesAddr = "data.huaweidata_dataarts_node_instances.test"

func regexpMust(s string) *regexp.Regexp { return regexp.MustCompile(s) }

func instancesConfig(taskID, jobName, start, end, extra string) string {
	return fmt.Sprintf(`
data "huaweidata_dataarts_node_instances" "test" {
  task_id    = %q
  job_name   = %q
  start_time = %q
  end_time   = %q
%s
}
`, taskID, jobName, start, end, extra)
}

func TestAccDataArtsNodeInstances_allPagesTypedRows(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				// 240 hourly runs from 2024-01-01 and seed 002's run: three pages of 100.
				// Another job name of the same operator has no instances (one call).
				Config: withDataArts(env, instancesConfig("937987", "ETL_Job_dli2dws", "2024-01-01T00:00:00Z", "2024-01-12T00:00:00Z", "")+`
data "huaweidata_dataarts_node_instances" "other" {
  task_id    = "937987"
  job_name   = "other_job"
  start_time = "2024-01-01T00:00:00Z"
  end_time   = "2024-01-12T00:00:00Z"
}
`),
				Check: resource.ComposeAggregateTestCheckFunc(
					countIsMultiple(env, "ShowInstanceInfos", 3+1),
					resource.TestCheckResourceAttr("data.huaweidata_dataarts_node_instances.other", "instances.#", "0"),
					resource.TestCheckResourceAttr(instancesAddr, "workspace_id", emulator.DemoDataArtsWorkspaceID),
					resource.TestCheckResourceAttr(instancesAddr, "instances.#", "241"),
					resource.TestCheckResourceAttr(instancesAddr, "instances.0.plan_time", "2024-01-01T00:00:00Z"),
					resource.TestCheckResourceAttr(instancesAddr, "instances.0.status", "success"),
					resource.TestCheckResourceAttr(instancesAddr, "instances.0.end_time", "2024-01-01T00:01:35Z"),
					resource.TestCheckResourceAttr(instancesAddr, "instances.2.status", "fail"),
					resource.TestCheckResourceAttr(instancesAddr, "instances.0.speed", "11.5"),
					// Seed 002's run: still running, so no end time.
					resource.TestCheckResourceAttr(instancesAddr, "instances.240.status", "running"),
					resource.TestCheckResourceAttr(instancesAddr, "instances.240.task_running_log_id", "126074594"),
					resource.TestCheckResourceAttr(instancesAddr, "instances.240.plan_time", "2024-01-11T01:01:47Z"),
					resource.TestCheckResourceAttr(instancesAddr, "instances.240.start_time", "2024-01-11T01:01:56Z"),
					resource.TestCheckNoResourceAttr(instancesAddr, "instances.240.end_time"),
					resource.TestCheckResourceAttr(instancesAddr, "instances.240.fail_count", "-1"),
					resource.TestCheckResourceAttr(instancesAddr, "instances.240.force_success", "false"),
					resource.TestCheckResourceAttr(instancesAddr, "instances.240.workspace_name", "kw_test"),
					resource.TestMatchResourceAttr(instancesAddr, "instances.240.running_param", regexp.MustCompile(`ETLJobRunner`)),
				),
			},
		},
	})
}

func TestAccDataArtsNodeInstances_malformedBody(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	broken := `{"msg":"success","rows":[{"status":"running","planTime":17` // cut off by the back end
	fx := emulator.DataArtsFixture{NodeTasks: []emulator.NodeTask{
		{TaskID: "1", JobName: "broken", RawBody: &broken},
		{TaskID: "2", JobName: "down", RawBody: ptr(`{"msg":"scheduler unavailable"}`), StatusCode: 503},
	}}
	if err := env.Emulator.SetDataArtsFixture(fx); err != nil {
		t.Fatal(err)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config:      withDataArts(env, instancesConfig("1", "broken", "2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z", "")),
				ExpectError: regexp.MustCompile(`(?s)Reading DataArts node instances failed.*body\s+field\s+is\s+not\s+the\s+expected\s+JSON\s+document`),
			},
			{
				Config:      withDataArts(env, instancesConfig("2", "down", "2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z", "")),
				ExpectError: regexp.MustCompile(`(?s)status_code\s+503.*scheduler\s+unavailable`),
			},
		},
	})
}

func ptr[T any](v T) *T { return &v }

func TestAccDataArtsNodeInstances_planErrors(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	ok := func(start, end string) string {
		return withDataArts(env, instancesConfig("937987", "ETL_Job_dli2dws", start, end, ""))
	}
	env.ExpectPlanErrors(t, map[string]acctest.PlanError{
		"instance missing in both places": {
			Config: instancesConfig("937987", "ETL_Job_dli2dws", "2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z", ""),
			Want:   `(?s)Missing DataArts Studio instance ID.*instance_id on the data source.*dataarts = \{\s+instance_id`,
		},
		"end equals start":  {Config: ok("2024-01-01T00:00:00Z", "2024-01-01T08:00:00+08:00"), Want: `(?s)end_time \(2024-01-01T08:00:00\+08:00\) must be after start_time`},
		"end before start":  {Config: ok("2024-01-02T00:00:00Z", "2024-01-01T00:00:00Z"), Want: `(?s)end_time .* must be after start_time`},
		"start not rfc3339": {Config: ok("1705248000000", "2024-01-01T00:00:00Z"), Want: `(?s)start_time "1705248000000" is not an RFC 3339`},
		"end not rfc3339":   {Config: ok("2024-01-01T00:00:00Z", "tomorrow"), Want: `(?s)end_time "tomorrow" is not an RFC 3339`},
		"empty task_id": {
			Config: withDataArts(env, instancesConfig("", "ETL_Job_dli2dws", "2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z", "")),
			Want:   `task_id must not be empty`,
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
