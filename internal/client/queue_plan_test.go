package client

import (
	"errors"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"
)

func planBody(target int32) *model.QueuePlanRequestBody {
	var mon model.QueuePlanRequestBodyRepeatDay
	_ = mon.UnmarshalJSON([]byte(`"MONDAY"`))
	return &model.QueuePlanRequestBody{PlanName: "night", TargetCu: target, StartHour: 20, StartMinute: 30,
		RepeatDay: []model.QueuePlanRequestBodyRepeatDay{mon}}
}

// planServer answers the first create with 504 and every later one "already exists"; the
// plan list is empty until a create was re-sent, then holds plan 7 "night" (32 CUs at
// 20:30 on Mondays).
func planServer(t *testing.T) (*Client, *atomic.Int32) {
	var posts atomic.Int32
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		switch {
		case r.Method == http.MethodPost && posts.Add(1) == 1:
			writeDLIError(w, 504, "", "gateway timeout")
		case r.Method == http.MethodPost:
			writeDLIError(w, 400, "DLI.0006", "queue plan night already exists")
		case posts.Load() < 2:
			writeJSON(w, 200, map[string]any{"is_success": true, "message": "", "plans": []map[string]any{}})
		default:
			writeJSON(w, 200, map[string]any{"is_success": true, "message": "", "plans": []map[string]any{{
				"id": 7, "plan_name": "night", "target_cu": 32, "start_hour": 20, "start_minute": 30,
				"repeat_day": []string{"MONDAY"}, "activate": true}}})
		}
	})
	return newTestClient(t, ts.URL, func(c *Config) { c.ConsistencyWindow = 20 * time.Millisecond }), &posts
}

// A plan create re-sent after an unknown outcome and answered "already exists" adopts the
// plan of that name when its target and schedule match; the id is then found by name.
func TestCreateQueuePlanAdoptsOnAlreadyExists(t *testing.T) {
	c, posts := planServer(t)
	if err := c.CreateQueuePlan(testCtx(t), "etl", planBody(32)); err != nil {
		t.Fatalf("CreateQueuePlan: %v", err)
	}
	if n := posts.Load(); n != 2 {
		t.Fatalf("%d creates sent, want 2", n)
	}
	p, err := c.GetQueuePlanByName(testCtx(t), "etl", "night")
	if err != nil || *p.Id != 7 {
		t.Fatalf("GetQueuePlanByName = %+v, %v; want plan 7", p, err)
	}
}

// The plan found has another target: it was not created by this request.
func TestCreateQueuePlanAlreadyExistsWithDifferentSettings(t *testing.T) {
	c, _ := planServer(t)
	err := c.CreateQueuePlan(testCtx(t), "etl", planBody(64))
	var mismatch *ExistsMismatchError
	if !errors.As(err, &mismatch) || !strings.Contains(err.Error(), "target_cu 32 at 20:30 on [MONDAY], requested 64 at 20:30 on [MONDAY]") {
		t.Fatalf("err = %v, want an ExistsMismatchError naming the difference", err)
	}
}

// A plan list without plans, or a plan without its id, is malformed, never "no plans".
func TestListQueuePlansStrict(t *testing.T) {
	for name, body := range map[string]map[string]any{
		"no plans":   {"is_success": true, "message": ""},
		"plan no id": {"is_success": true, "plans": []map[string]any{{"plan_name": "night", "target_cu": 32, "start_hour": 1, "start_minute": 0}}},
	} {
		ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) { writeJSON(w, 200, body) })
		c := newTestClient(t, ts.URL)
		_, err := c.ListQueuePlans(testCtx(t), "etl")
		var malformed *MalformedResponseError
		if !errors.As(err, &malformed) || IsNotFound(err) {
			t.Errorf("%s: err = %v, want a malformed response", name, err)
		}
	}
}
