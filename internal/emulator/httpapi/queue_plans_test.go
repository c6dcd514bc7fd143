package httpapi

import (
	"testing"
	"time"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"
)

// The plan bodies' rules beyond the SDK's types (§6.6, §6.10): every required field,
// case-insensitive day names read back uppercase, 13-digit timestamps, a single numeric
// plan id, and new plans hidden during the consistency delay like every new object.
func TestQueuePlanBodies(t *testing.T) {
	env, realClock := newEnvFakeReal(t, Options{Faults: Faults{ConsistencyDelay: time.Second}})
	env.createQueue("planq", 16, "sql")
	plans := "/v1/" + DemoProjectID + "/queues/planq/plans"
	body := func(drop string, set map[string]any) map[string]any {
		b := map[string]any{"plan_name": "p1", "target_cu": 32, "start_hour": 20, "start_minute": 30, "repeat_day": []string{"THURSDAY", "friday"}}
		delete(b, drop)
		for k, v := range set {
			b[k] = v
		}
		return b
	}
	for _, field := range []string{"plan_name", "target_cu", "start_hour", "start_minute", "repeat_day"} {
		if e := env.wantError("POST", plans, nil, body(field, nil), 400, "DLI.0001"); e.Msg != "Missing required parameters: "+field+"." {
			t.Errorf("without %s: %q", field, e.Msg)
		}
	}
	for _, set := range []map[string]any{
		{"start_hour": 24}, {"start_minute": 60}, {"repeat_day": []string{"HOLIDAY"}}, {"repeat_day": "MONDAY"},
		{"valid_date_begin": 1590949800}, // seconds, not milliseconds
		{"plan_name": "p-1"}, {"target_cu": 40}, {"activate": "maybe"},
	} {
		env.wantError("POST", plans, nil, body("", set), 400, "DLI.0001")
	}
	env.must("POST", plans, nil, body("", map[string]any{"activate": "false"}), nil)
	var list model.ListQueuePlansResponse
	env.must("GET", plans, nil, nil, &list)
	if len(*list.Plans) != 0 {
		t.Fatalf("a new plan is listed within the consistency delay: %+v", *list.Plans)
	}
	realClock.Add(time.Second)
	env.must("GET", plans, nil, nil, &list)
	p := (*list.Plans)[0]
	if len(p.RepeatDay) != 2 || p.RepeatDay[0].Value() != "THURSDAY" || p.RepeatDay[1].Value() != "FRIDAY" || *p.Activate {
		t.Fatalf("listed plan: %+v", p)
	}
	env.wantError("PUT", plans+"/1,2", nil, body("", nil), 400, "DLI.0001")
	env.wantError("PUT", plans+"/999", nil, body("", nil), 400, "DLI.0002")
	env.wantError("POST", plans+"/batch-delete", nil, map[string]any{"plan_ids": []int64{}}, 400, "DLI.0001")
}
