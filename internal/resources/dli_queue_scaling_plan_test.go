package resources_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth/basic"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/config"
	dli "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

const planAddr = "huaweidata_dli_queue_scaling_plan.test"

// planConfig is a queue whose CUs are left to its plans, and one plan on it.
func planConfig(queue, body string) string {
	return queueConfig(queue, 16, "  lifecycle {\n    ignore_changes = [cu_count]\n  }") + fmt.Sprintf(`
resource "huaweidata_dli_queue_scaling_plan" "test" {
  queue_name = huaweidata_dli_queue.test.name
%s
}
`, body)
}

const planNight = `  name             = "night"
  target_cu        = 32
  start_hour       = 20
  start_minute     = 30
  repeat_days      = ["MONDAY", "FRIDAY"]
  valid_date_begin = "2026-01-01T00:00:00Z"
  valid_date_end   = "2036-01-01T00:00:00Z"`

const planEvening = `  name           = "evening"
  target_cu      = 48
  start_hour     = 18
  start_minute   = 0
  activate       = false
  valid_date_end = "2035-06-01T08:00:00+08:00"`

func expectPlan(attr string, v knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(planAddr, tfjsonpath.New(attr), v)
}

// emulatorPlan reads a plan by name as the emulator holds it, once it is visible.
func emulatorPlan(ctx context.Context, env *acctest.Env, t *testing.T, queue, name string) (*model.QueuePlan, error) {
	c := env.Client(t)
	var p *model.QueuePlan
	err := c.AwaitVisible(ctx, time.Now(), func(ctx context.Context) (err error) {
		p, err = c.GetQueuePlanByName(ctx, queue, name)
		return err
	})
	return p, err
}

// planHolds checks the target and activation the emulator holds for a plan.
func planHolds(env *acctest.Env, t *testing.T, queue, name string, target int32, active bool) statecheck.StateCheck {
	return acctest.CheckAPI(func(ctx context.Context) error {
		p, err := emulatorPlan(ctx, env, t, queue, name)
		if err != nil {
			return err
		}
		if *p.TargetCu != target || *p.Activate != active {
			return fmt.Errorf("plan %s/%s holds target_cu %d, activate %t in the emulator; want %d, %t", queue, name, *p.TargetCu, *p.Activate, target, active)
		}
		return nil
	})
}

// sdkUpdatePlan modifies a plan with Huawei's SDK, as a user outside Terraform would: against
// the test's emulator (served for the call), or in real mode against the account and DLI
// endpoint the HW_* environment names.
//
//nolint:staticcheck // SA1019: the SDK marks UpdateQueuePlan deprecated without a replacement
func sdkUpdatePlan(t *testing.T, env *acctest.Env, queue string, id int64, body *model.QueuePlanRequestBody) {
	t.Helper()
	cfg := acctest.RealClientConfig()
	endpoint := cfg.Endpoint(client.ServiceDLI)
	env.WithEmulator(func(emu *emulator.Emulator) {
		srv := httptest.NewServer(emu)
		t.Cleanup(srv.Close)
		cfg = client.Config{AccessKey: emulator.DemoAccessKey, SecretKey: emulator.DemoSecretKey, ProjectID: emulator.DemoProjectID}
		endpoint = srv.URL
	})
	cred, err := basic.NewCredentialsBuilder().WithAk(cfg.AccessKey).WithSk(cfg.SecretKey).
		WithSecurityToken(cfg.SecurityToken).WithProjectId(cfg.ProjectID).SafeBuild()
	if err != nil {
		t.Fatal(err)
	}
	hc, err := dli.DliClientBuilder().WithEndpoints([]string{endpoint}).WithCredential(cred).
		WithHttpConfig(config.DefaultHttpConfig().WithRetries(0)).SafeBuild()
	if err != nil {
		t.Fatal(err)
	}
	_, err = dli.NewDliClient(hc).UpdateQueuePlan(&model.UpdateQueuePlanRequest{QueueName: queue, PlanId: strconv.FormatInt(id, 10), Body: body})
	if err != nil {
		t.Fatal(err)
	}
}

// plansLeftNone is the CheckDestroy of the plan tests: nothing left (the emulator's whole
// inventory, or in real mode what bears the test's prefix), the queues gone, and no
// duplicates in the emulator.
func plansLeftNone(env *acctest.Env, t *testing.T) resource.TestCheckFunc {
	return resource.ComposeTestCheckFunc(acctest.CheckNothingLeft(env), queueDestroyed(env, t), func(*terraform.State) error {
		return env.EmulatorOnly(func(emu *emulator.Emulator) error {
			if d := emu.Inventory().Duplicates(); len(d) > 0 {
				return fmt.Errorf("duplicates after destroy: %s", strings.Join(d, "; "))
			}
			return nil
		})
	})
}

func TestAccDLIQueueScalingPlan_lifecycle(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	queue, queueB := env.Name("acc_plan"), env.Name("acc_plan_b")
	sameID := statecheck.CompareValue(compare.ValuesSame())
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             plansLeftNone(env, t),
		Steps: []resource.TestStep{
			{
				Config: env.Config(planConfig(queue, planNight)),
				ConfigStateChecks: []statecheck.StateCheck{
					expectPlan("id", knownvalue.StringRegexp(regexp.MustCompile(`^`+queue+`/\d+$`))),
					expectPlan("plan_id", knownvalue.NotNull()),
					expectPlan("repeat_days", knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("MONDAY"), knownvalue.StringExact("FRIDAY")})),
					expectPlan("activate", knownvalue.Bool(true)),
					expectPlan("valid_date_begin", knownvalue.StringExact("2026-01-01T00:00:00Z")),
					sameID.AddStateValue(planAddr, tfjsonpath.New("id")),
					planHolds(env, t, queue, "night", 32, true),
				},
			},
			{
				ResourceName:      planAddr,
				ImportState:       true,
				ImportStateVerify: true,
				// The emulated clock runs 600 times faster: the plan may run between the two reads.
				ImportStateVerifyIgnore: []string{"last_execute_time"},
			},
			{ResourceName: planAddr, ImportState: true, ImportStateId: queue, ExpectError: regexp.MustCompile(`(?s)Invalid import id.*<queue_name>/<plan_id>`)},
			{ResourceName: planAddr, ImportState: true, ImportStateId: queue + "/x1", ExpectError: regexp.MustCompile(`(?s)Invalid import id.*"` + queue + `/x1"`)},
			{ResourceName: planAddr, ImportState: true, ImportStateId: "Bad-Queue/1", ExpectError: regexp.MustCompile(`Invalid import id`)},
			{
				// Every setting changes in place, the name too: the id stays.
				Config:           env.Config(planConfig(queue, planEvening)),
				ConfigPlanChecks: acctest.ExpectAction(planAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(planAddr, tfjsonpath.New("id")),
					expectPlan("repeat_days", knownvalue.SetSizeExact(0)),
					expectPlan("valid_date_begin", knownvalue.Null()),
					expectPlan("valid_date_end", knownvalue.StringExact("2035-06-01T08:00:00+08:00")), // the offset as written
					planHolds(env, t, queue, "evening", 48, false),
				},
			},
			{
				// A target changed outside Terraform (with Huawei's SDK) is drift, corrected in place.
				PreConfig: func() {
					p, err := emulatorPlan(context.Background(), env, t, queue, "evening")
					if err != nil {
						t.Fatal(err)
					}
					sdkUpdatePlan(t, env, queue, *p.Id, &model.QueuePlanRequestBody{
						PlanName: "evening", TargetCu: 64, StartHour: 18, StartMinute: 0,
						RepeatDay: []model.QueuePlanRequestBodyRepeatDay{}, Activate: p.Activate, ValidDateEnd: p.ValidDateEnd,
					})
				},
				Config:           env.Config(planConfig(queue, planEvening)),
				ConfigPlanChecks: acctest.ExpectAction(planAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(planAddr, tfjsonpath.New("id")),
					planHolds(env, t, queue, "evening", 48, false),
				},
			},
			{
				// Another queue replaces the plan (DLI cannot move a plan).
				Config:           env.Config(planConfig(queueB, planEvening)),
				ConfigPlanChecks: acctest.ExpectAction(planAddr, plancheck.ResourceActionDestroyBeforeCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					expectPlan("id", knownvalue.StringRegexp(regexp.MustCompile(`^`+queueB+`/\d+$`))),
					planHolds(env, t, queueB, "evening", 48, false),
				},
			},
		},
	})
}

// TestAccDLIQueueScalingPlan_disappears: a plan deleted outside Terraform is planned for
// creation again.
func TestAccDLIQueueScalingPlan_disappears(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	queue := env.Name("acc_plan_gone")
	cfg := env.Config(planConfig(queue, planNight))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             plansLeftNone(env, t),
		Steps: []resource.TestStep{
			{
				Config: cfg,
				Check: func(*terraform.State) error {
					p, err := emulatorPlan(context.Background(), env, t, queue, "night")
					if err != nil {
						return err
					}
					return env.Client(t).DeleteQueuePlan(context.Background(), queue, *p.Id)
				},
				ExpectNonEmptyPlan: true,
			},
			{
				Config:            cfg,
				ConfigPlanChecks:  acctest.ExpectAction(planAddr, plancheck.ResourceActionCreate),
				ConfigStateChecks: []statecheck.StateCheck{planHolds(env, t, queue, "night", 32, true)},
			},
		},
	})
}

// TestAccDLIQueueScalingPlan_refreshCost refreshes eight plans of one queue: they share one
// plan listing, so the refresh costs exactly one ListQueuePlans call, not one per plan.
func TestAccDLIQueueScalingPlan_refreshCost(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	cfg := env.Config(queueConfig(env.Name("acc_plans"), 16, "  lifecycle {\n    ignore_changes = [cu_count]\n  }") + `
resource "huaweidata_dli_queue_scaling_plan" "test" {
  count        = 8
  queue_name   = huaweidata_dli_queue.test.name
  name         = "p${count.index}"
  target_cu    = 16 * (count.index + 1)
  start_hour   = count.index
  start_minute = 15
  repeat_days  = ["SATURDAY", "SUNDAY"]
}
`)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             plansLeftNone(env, t),
		Steps: []resource.TestStep{
			{Config: cfg},
			{
				PreConfig:    env.ResetCounts,
				RefreshState: true,
				Check:        env.CheckRequests("ListQueuePlans", 1, 1),
			},
			{
				PreConfig:         env.ResetCounts,
				Config:            cfg,
				ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				ConfigStateChecks: []statecheck.StateCheck{env.ExpectRequests("ListQueuePlans", 1, 2)}, // plan + apply refresh
			},
		},
	})
}

func TestAccDLIQueueScalingPlan_withFaults(t *testing.T) {
	t.Parallel()
	env := acctest.NewEmulatedEnv(t, "injected faults")
	queue := env.Name("acc_plan_faults")
	env.SetFaults(emulator.Faults{
		ErrorRates:        map[int]float64{500: 0.07, 503: 0.07, 429: 0.06},
		RetryAfterSeconds: 1,
		Operations:        []string{"CreateQueuePlan", "ListQueuePlans", "UpdateQueuePlan", "DeleteQueuePlan"},
	})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy: func(s *terraform.State) error {
			env.SetFaults(emulator.Faults{})
			return plansLeftNone(env.Env, t)(s)
		},
		Steps: []resource.TestStep{
			{
				Config:            env.Config(planConfig(queue, planNight)),
				ConfigStateChecks: []statecheck.StateCheck{planHolds(env.Env, t, queue, "night", 32, true)},
			},
			{
				Config:            env.Config(planConfig(queue, planEvening)),
				ConfigStateChecks: []statecheck.StateCheck{planHolds(env.Env, t, queue, "evening", 48, false)},
			},
		},
	})
}

func TestAccDLIQueueScalingPlan_planTimeValidation(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	plan := func(attrs map[string]string) string {
		all := map[string]string{"queue_name": `"q1"`, "name": `"p1"`, "target_cu": "32", "start_hour": "8", "start_minute": "0"}
		for k, v := range attrs {
			all[k] = v
		}
		var b strings.Builder
		b.WriteString("resource \"huaweidata_dli_queue_scaling_plan\" \"test\" {\n")
		for k, v := range all {
			fmt.Fprintf(&b, "  %s = %s\n", k, v)
		}
		b.WriteString("}\n")
		return b.String()
	}
	cases := map[string]acctest.PlanError{
		"target not a multiple of 16": {Config: plan(map[string]string{"target_cu": "40"}), Want: `(?s)target_cu.*multiple of 16`},
		"target below 16":             {Config: plan(map[string]string{"target_cu": "0"}), Want: `(?s)target_cu.*at least 16`},
		"hour 24":                     {Config: plan(map[string]string{"start_hour": "24"}), Want: `(?s)start_hour.*between 0 and 23`},
		"hour negative":               {Config: plan(map[string]string{"start_hour": "-1"}), Want: `(?s)start_hour.*between 0 and 23`},
		"minute 60":                   {Config: plan(map[string]string{"start_minute": "60"}), Want: `(?s)start_minute.*between 0 and 59`},
		"lowercase day":               {Config: plan(map[string]string{"repeat_days": `["monday"]`}), Want: `(?s)repeat_days.*MONDAY`},
		"unknown day":                 {Config: plan(map[string]string{"repeat_days": `["HOLIDAY"]`}), Want: `(?s)repeat_days.*"HOLIDAY"`},
		"name starts with _":          {Config: plan(map[string]string{"name": `"_p"`}), Want: `(?s)name.*starts with an underscore`},
		"name only digits":            {Config: plan(map[string]string{"name": `"42"`}), Want: `(?s)name.*consists only of digits`},
		"name with dash":              {Config: plan(map[string]string{"name": `"night-plan"`}), Want: `(?s)name.*character other than`},
		"name too long":               {Config: plan(map[string]string{"name": `"` + strings.Repeat("p", 129) + `"`}), Want: `(?s)name.*is 129 characters long`},
		"queue name uppercase":        {Config: plan(map[string]string{"queue_name": `"ETL"`}), Want: `(?s)queue_name.*uppercase`},
		"end before begin": {Config: plan(map[string]string{"valid_date_begin": `"2027-02-01T00:00:00Z"`, "valid_date_end": `"2027-01-01T00:00:00Z"`}),
			Want: `(?s)valid_date_end.*must be after.*valid_date_begin`},
		// 2027-01-04 is a Monday: a one-day window holds no Friday in any time zone.
		"window without the days": {Config: plan(map[string]string{"valid_date_begin": `"2027-01-04T00:00:00Z"`, "valid_date_end": `"2027-01-05T00:00:00Z"`,
			"repeat_days": `["FRIDAY"]`}), Want: `(?s)never runs.*repeat_days.*no\s+FRIDAY\s+at\s+08:00`},
		"begin not RFC 3339": {Config: plan(map[string]string{"valid_date_begin": `"2027-02-01"`}), Want: `(?s)Invalid RFC3339.*valid_date_begin`},
	}
	env.ExpectPlanErrors(t, cases)
}

// TestAccDLIQueueScalingPlan_runsOnSchedule: a one-off plan two emulated hours ahead scales
// the queue when the emulated clock passes its time (the emulator runs plans in UTC), and
// the plan reports when it ran. The queue ignores the CU change, so nothing drifts.
func TestAccDLIQueueScalingPlan_runsOnSchedule(t *testing.T) {
	t.Parallel()
	env := acctest.NewEmulatedEnv(t, "the emulated clock (Advance)")
	queue := env.Name("acc_plan_run")
	at := env.Emulator.Now().UTC().Add(2 * time.Hour)
	cfg := env.Config(planConfig(queue, fmt.Sprintf(`  name         = "once"
  target_cu    = 64
  start_hour   = %d
  start_minute = %d`, at.Hour(), at.Minute())))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             plansLeftNone(env.Env, t),
		Steps: []resource.TestStep{
			{Config: cfg},
			{
				PreConfig: func() { env.Emulator.Advance(3 * time.Hour) },
				Config:    cfg,
				ConfigStateChecks: []statecheck.StateCheck{
					queueCUs(env.Env, t, queue, 64),
					expectPlan("last_execute_time", knownvalue.StringFunc(func(v string) error {
						ran, err := time.Parse(time.RFC3339, v)
						if err != nil || !ran.Equal(at.Truncate(time.Minute)) {
							return fmt.Errorf("last_execute_time %q, want %s", v, at.Truncate(time.Minute).Format(time.RFC3339))
						}
						return nil
					})),
				},
			},
		},
	})
}
