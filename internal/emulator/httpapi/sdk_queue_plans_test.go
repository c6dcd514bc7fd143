package httpapi

import (
	"strconv"
	"testing"
	"time"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"
)

// planBody is a plan request body that runs at `at` (UTC) on days (none: once).
func planBody(name string, target int32, at time.Time, days ...string) *model.QueuePlanRequestBody {
	b := &model.QueuePlanRequestBody{PlanName: name, TargetCu: target, StartHour: int32(at.Hour()), StartMinute: int32(at.Minute()),
		RepeatDay: []model.QueuePlanRequestBodyRepeatDay{}}
	enum := model.GetQueuePlanRequestBodyRepeatDayEnum()
	byName := map[string]model.QueuePlanRequestBodyRepeatDay{"SUNDAY": enum.SUNDAY, "MONDAY": enum.MONDAY, "TUESDAY": enum.TUESDAY,
		"WEDNESDAY": enum.WEDNESDAY, "THURSDAY": enum.THURSDAY, "FRIDAY": enum.FRIDAY, "SATURDAY": enum.SATURDAY}
	for _, d := range days {
		b.RepeatDay = append(b.RepeatDay, byName[d])
	}
	return b
}

// listPlans lists the plans of queue planq.
//
//nolint:staticcheck // SA1019: the SDK marks the plan operations deprecated (no replacement); the emulator serves them
func listPlans(t *testing.T, s *sdkEnv) []model.QueuePlan {
	t.Helper()
	out := must[*model.ListQueuePlansResponse](t, "ListQueuePlans")(s.dli.ListQueuePlans(&model.ListQueuePlansRequest{QueueName: "planq"}))
	if !*out.IsSuccess || out.Plans == nil {
		t.Fatalf("list plans: %+v", out)
	}
	return *out.Plans
}

func queueCUs(t *testing.T, s *sdkEnv, queue string) int32 {
	t.Helper()
	return *must[*model.ShowQueueResponse](t, "ShowQueue")(s.dli.ShowQueue(&model.ShowQueueRequest{QueueName: queue})).CuCount
}

// §6.6–6.10 through the SDK: create, list, modify, delete and batch delete plans, the
// documented errors, and plans taking effect on the emulated clock. The SDK marks the plan
// operations deprecated (SA1019) with no replacement; the provider's
// huaweidata_dli_queue_scaling_plan uses them, so the suite calls them as they are.
//
//nolint:staticcheck // SA1019: deprecated DLI API the emulator serves; the SDK has no replacement
func TestSDKQueuePlans(t *testing.T) {
	s := newSDKEnv(t)
	c := s.dli
	must[*model.CreateQueueResponse](t, "CreateQueue")(c.CreateQueue(&model.CreateQueueRequest{Body: &model.CreateQueueRequestBody{QueueName: "planq", CuCount: 16}}))
	at := s.emu.Now().UTC().Add(2 * time.Hour)

	created := must[*model.CreateQueuePlanResponse](t, "CreateQueuePlan")(c.CreateQueuePlan(&model.CreateQueuePlanRequest{
		QueueName: "planq", Body: planBody("once_up", 64, at)}))
	if !*created.IsSuccess {
		t.Fatalf("create: %+v", created)
	}
	daily := planBody("daily_down", 32, at.Add(time.Hour), "SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY")
	must[*model.CreateQueuePlanResponse](t, "CreateQueuePlan")(c.CreateQueuePlan(&model.CreateQueuePlanRequest{QueueName: "planq", Body: daily}))
	plans := listPlans(t, s)
	if len(plans) != 2 || *plans[0].PlanName != "once_up" || *plans[0].TargetCu != 64 || len(plans[0].RepeatDay) != 0 ||
		!*plans[0].Activate || plans[0].LastExecuteTime != nil || len(plans[1].RepeatDay) != 7 {
		t.Fatalf("plans: %+v", plans)
	}
	onceID, dailyID := *plans[0].Id, *plans[1].Id

	// The one-off plan scales the queue out at its time; the daily one scales it in an hour later.
	s.emu.Advance(2*time.Hour + 10*time.Minute)
	if cu := queueCUs(t, s, "planq"); cu != 64 {
		t.Fatalf("cuCount after the one-off plan ran: %d, want 64", cu)
	}
	s.emu.Advance(time.Hour)
	if cu := queueCUs(t, s, "planq"); cu != 32 {
		t.Fatalf("cuCount after the daily plan ran: %d, want 32", cu)
	}
	plans = listPlans(t, s)
	if plans[0].LastExecuteTime == nil || plans[1].LastExecuteTime == nil {
		t.Fatalf("last_execute_time not set: %+v", plans)
	}
	firstDaily := *plans[1].LastExecuteTime
	s.emu.Advance(24 * time.Hour)
	plans = listPlans(t, s)
	if got := *plans[1].LastExecuteTime; got != firstDaily+24*time.Hour.Milliseconds() {
		t.Fatalf("daily plan last ran at %d, want a day after %d", got, firstDaily)
	}

	// Modify is a full replacement (§6.10).
	mod := planBody("daily_down", 48, at, "MONDAY")
	mod.Activate = ptr(false)
	updated := must[*model.UpdateQueuePlanResponse](t, "UpdateQueuePlan")(c.UpdateQueuePlan(&model.UpdateQueuePlanRequest{
		QueueName: "planq", PlanId: strconv.FormatInt(dailyID, 10), Body: mod}))
	if !*updated.IsSuccess || *updated.PlanId != dailyID || *updated.QueueName != "planq" {
		t.Fatalf("update: %+v", updated)
	}
	plans = listPlans(t, s)
	if *plans[1].TargetCu != 48 || *plans[1].Activate || len(plans[1].RepeatDay) != 1 || plans[1].RepeatDay[0].Value() != "MONDAY" {
		t.Fatalf("after update: %+v", plans[1])
	}

	// Documented errors.
	_, err := c.CreateQueuePlan(&model.CreateQueuePlanRequest{QueueName: "planq", Body: planBody("once_up", 64, at)})
	wantSDKError(t, err, "DLI.0006")
	never := planBody("never", 64, at)
	never.ValidDateBegin, never.ValidDateEnd = ptr(at.Add(48*time.Hour).UnixMilli()), ptr(at.Add(47*time.Hour).UnixMilli())
	_, err = c.CreateQueuePlan(&model.CreateQueuePlanRequest{QueueName: "planq", Body: never})
	wantSDKError(t, err, "DLI.0999")
	_, err = c.CreateQueuePlan(&model.CreateQueuePlanRequest{QueueName: "planq", Body: planBody("odd", 20, at)})
	wantSDKError(t, err, "DLI.0001")
	_, err = c.ListQueuePlans(&model.ListQueuePlansRequest{QueueName: "absent"})
	wantSDKError(t, err, "DLI.0008")
	_, err = c.DeleteQueuePlan(&model.DeleteQueuePlanRequest{QueueName: "planq", PlanId: 999999})
	wantSDKError(t, err, "DLI.0002")
	_, err = c.BatchDeleteQueuePlans(&model.BatchDeleteQueuePlansRequest{QueueName: "planq",
		Body: &model.BatchDeleteQueuePlansRequestBody{PlanIds: []int64{onceID, 999999}}})
	wantSDKError(t, err, "DLI.0002")

	del := must[*model.DeleteQueuePlanResponse](t, "DeleteQueuePlan")(c.DeleteQueuePlan(&model.DeleteQueuePlanRequest{QueueName: "planq", PlanId: onceID}))
	if !*del.IsSuccess {
		t.Fatalf("delete: %+v", del)
	}
	batch := must[*model.BatchDeleteQueuePlansResponse](t, "BatchDeleteQueuePlans")(c.BatchDeleteQueuePlans(&model.BatchDeleteQueuePlansRequest{
		QueueName: "planq", Body: &model.BatchDeleteQueuePlansRequestBody{PlanIds: []int64{dailyID}}}))
	if !*batch.IsSuccess || len(listPlans(t, s)) != 0 {
		t.Fatalf("batch delete: %+v", batch)
	}

	// A deleted queue's plans go with it: a new queue of that name has none.
	again := planBody("again", 16, at)
	again.RepeatDay = nil // sent as null by the SDK: no days, a one-off plan
	must[*model.CreateQueuePlanResponse](t, "CreateQueuePlan")(c.CreateQueuePlan(&model.CreateQueuePlanRequest{QueueName: "planq", Body: again}))
	if p := listPlans(t, s); len(p) != 1 || len(p[0].RepeatDay) != 0 {
		t.Fatalf("a plan created with repeat_day null: %+v", p)
	}
	must[*model.DeleteQueueResponse](t, "DeleteQueue")(c.DeleteQueue(&model.DeleteQueueRequest{QueueName: "planq"}))
	if n := len(s.emu.Inventory().Projects[DemoProjectID].QueuePlans); n != 0 {
		t.Fatalf("the deleted queue's plans are still held: %d", n)
	}
	must[*model.CreateQueueResponse](t, "CreateQueue")(c.CreateQueue(&model.CreateQueueRequest{Body: &model.CreateQueueRequestBody{QueueName: "planq", CuCount: 16}}))
	if n := len(listPlans(t, s)); n != 0 {
		t.Fatalf("a new queue of the same name has %d plans", n)
	}
}

// dli-sdk-extras.md §8 through the SDK: quotas with what is used of them.
func TestSDKQuotas(t *testing.T) {
	s := newSDKEnv(t)
	must[*model.CreateQueueResponse](t, "CreateQueue")(s.dli.CreateQueue(&model.CreateQueueRequest{Body: &model.CreateQueueRequestBody{QueueName: "quotaq", CuCount: 64}}))
	out := must[*model.ShowQuotaResponse](t, "ShowQuota")(s.dli.ShowQuota(&model.ShowQuotaRequest{}))
	if !*out.IsSuccess || out.Quotas == nil || out.Quotas.Resources == nil {
		t.Fatalf("quotas: %+v", out)
	}
	used := map[string]int32{}
	for _, q := range *out.Quotas.Resources {
		if *q.Quota < *q.Min || *q.Quota > *q.Max {
			t.Fatalf("quota %s is %d, outside %d..%d", *q.Type, *q.Quota, *q.Min, *q.Max)
		}
		used[*q.Type] = *q.Used
	}
	if used["QUEUE"] != 1 || used["CU"] != 64 || used["QUEUE_PLAN"] != 0 {
		t.Fatalf("used: %v", used)
	}
}
