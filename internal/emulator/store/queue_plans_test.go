package store

import (
	"errors"
	"testing"
	"time"
)

func ms(s string) int64 {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t.UnixMilli()
}

// The schedule of a plan, in UTC on the emulated clock: the next run is on one of the
// repeat days (2026-12-01 is a Tuesday), within the validity window, once only without
// repeat days, never while inactive.
func TestQueuePlanNextOccurrence(t *testing.T) {
	tue := ms("2026-12-01T12:00:00Z")
	cases := map[string]struct {
		plan QueuePlan
		want string // "" for none
	}{
		"later today":         {QueuePlan{StartHour: 20, StartMinute: 30, RepeatDays: []string{"TUESDAY"}, Activate: true}, "2026-12-01T20:30:00Z"},
		"next week":           {QueuePlan{StartHour: 8, RepeatDays: []string{"TUESDAY"}, Activate: true}, "2026-12-08T08:00:00Z"},
		"next listed day":     {QueuePlan{StartHour: 8, RepeatDays: []string{"MONDAY", "FRIDAY"}, Activate: true}, "2026-12-04T08:00:00Z"},
		"one-off, tomorrow":   {QueuePlan{StartHour: 8, Activate: true, SavedAt: tue}, "2026-12-02T08:00:00Z"},
		"one-off, ran":        {QueuePlan{StartHour: 8, Activate: true, SavedAt: tue, LastExecute: tue + 1}, ""},
		"inactive":            {QueuePlan{StartHour: 20, RepeatDays: []string{"TUESDAY"}}, ""},
		"from valid begin":    {QueuePlan{StartHour: 20, RepeatDays: []string{"TUESDAY"}, Activate: true, ValidBegin: ms("2026-12-10T00:00:00Z")}, "2026-12-15T20:00:00Z"},
		"after valid end":     {QueuePlan{StartHour: 20, RepeatDays: []string{"FRIDAY"}, Activate: true, ValidEnd: ms("2026-12-03T00:00:00Z")}, ""},
		"window without days": {QueuePlan{StartHour: 20, RepeatDays: []string{"SUNDAY"}, Activate: true, ValidEnd: ms("2026-12-05T00:00:00Z")}, ""},
	}
	for name, c := range cases {
		at, ok := c.plan.nextOccurrence(tue)
		switch {
		case c.want == "" && ok:
			t.Errorf("%s: runs at %s, want never", name, time.UnixMilli(at).UTC().Format(time.RFC3339))
		case c.want != "" && (!ok || at != ms(c.want)):
			t.Errorf("%s: runs at %s (%t), want %s", name, time.UnixMilli(at).UTC().Format(time.RFC3339), ok, c.want)
		}
	}
}

// Due plans scale their queue in time order: by a later request, the last one due wins.
func TestRunScalingPlans(t *testing.T) {
	p := &Project{}
	p.Init()
	start := ms("2026-12-01T00:00:00Z")
	q := &Queue{Name: "q", CUSpec: 16, CreateTime: start}
	if err := p.AddQueue(q, 1); err != nil {
		t.Fatal(err)
	}
	every := append([]string(nil), WeekDays...)
	up, err := p.AddQueuePlan("q", 10, PlanSpec{Name: "up", TargetCU: 64, StartHour: 8, RepeatDays: every, Activate: true}, start, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.AddQueuePlan("q", 11, PlanSpec{Name: "down", TargetCU: 32, StartHour: 20, RepeatDays: every, Activate: true}, start, time.Time{}); err != nil {
		t.Fatal(err)
	}
	p.RunScalingPlans(ms("2026-12-01T09:00:00Z"))
	if cu := q.CUCount(ms("2026-12-01T09:00:00Z")); cu != 64 || up.LastExecute != ms("2026-12-01T08:00:00Z") {
		t.Fatalf("after the morning plan: %d CUs, last run %d", cu, up.LastExecute)
	}
	p.RunScalingPlans(ms("2026-12-03T21:00:00Z")) // two days of both plans: the evening one ran last
	if cu := q.CUCount(ms("2026-12-03T21:00:00Z")); cu != 32 {
		t.Fatalf("after two days: %d CUs, want 32", cu)
	}

	var noRun *NoOccurrenceError
	bad := PlanSpec{Name: "never", TargetCU: 64, StartHour: 8, Activate: true, ValidBegin: start + 1000, ValidEnd: start}
	if _, err := p.AddQueuePlan("q", 12, bad, start, time.Time{}); !errors.As(err, &noRun) {
		t.Fatalf("a plan that cannot run: %v", err)
	}
	var ce *ConflictError
	if _, err := p.AddQueuePlan("q", 12, PlanSpec{Name: "up", TargetCU: 16, Activate: true}, start, time.Time{}); !errors.As(err, &ce) {
		t.Fatalf("a second plan named up: %v", err)
	}
	lower := PlanSpec{Name: "mixed", TargetCU: 16, RepeatDays: []string{"friday", "MONDAY", "Friday"}, Activate: true}
	pl, err := p.AddQueuePlan("q", 13, lower, start, time.Time{})
	if err != nil || len(pl.RepeatDays) != 2 || pl.RepeatDays[0] != "MONDAY" || pl.RepeatDays[1] != "FRIDAY" {
		t.Fatalf("repeat days are case-insensitive and kept once, in week order: %v %v", pl, err)
	}

	if err := p.DeleteQueue("q", ms("2026-12-04T00:00:00Z")); err != nil {
		t.Fatal(err)
	}
	p.RunScalingPlans(ms("2026-12-05T00:00:00Z"))
	if len(p.Plans) != 0 {
		t.Fatalf("the deleted queue's plans remain: %d", len(p.Plans))
	}
}
