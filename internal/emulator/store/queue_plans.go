package store

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
)

// Scheduled scaling plans (§6.6–6.10). A plan scales its queue to TargetCU at
// StartHour:StartMinute (emulated clock, UTC) on each of its RepeatDays, or once at the next
// such time after it was saved when RepeatDays is empty, within its validity window, while
// it is active. Nothing runs in the background: RunScalingPlans applies every occurrence
// that has come due, in time order, before each request is served.

// WeekDays are the repeat_day values of §6.6, in time.Weekday order.
var WeekDays = []string{"SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"}

// QueuePlan is a stored scheduled scaling plan. Times are emulated epoch milliseconds; a
// validity bound of 0 is unset.
type QueuePlan struct {
	ID          int64     `json:"id"`
	Queue       string    `json:"queue_name"` // lowercase
	QueueID     int64     `json:"queue_id"`   // the plan dies with this queue (a new queue of the same name has none)
	Name        string    `json:"plan_name"`
	TargetCU    int       `json:"target_cu"`
	StartHour   int       `json:"start_hour"`
	StartMinute int       `json:"start_minute"`
	RepeatDays  []string  `json:"repeat_day"` // uppercase, in week order
	ValidBegin  int64     `json:"valid_date_begin,omitempty"`
	ValidEnd    int64     `json:"valid_date_end,omitempty"`
	Activate    bool      `json:"activate"`
	LastExecute int64     `json:"last_execute_time,omitempty"`
	SavedAt     int64     `json:"saved_at"`   // created or last modified: a one-off plan runs once after it
	CheckedTo   int64     `json:"checked_to"` // occurrences up to here have been applied
	CreatedReal time.Time `json:"-"`          // real creation time, for the consistency delay
}

// PlanSpec is what a create or modify request sets.
type PlanSpec struct {
	Name        string
	TargetCU    int
	StartHour   int
	StartMinute int
	RepeatDays  []string
	ValidBegin  int64
	ValidEnd    int64
	Activate    bool
}

// NoOccurrenceError is §6.6's DLI.0999: the plan's time settings produce no scaling.
type NoOccurrenceError struct{ Plan string }

func (e *NoOccurrenceError) Error() string {
	return fmt.Sprintf("Queue plans create failed. The plan %s can not generate a scale plan, please check all time settings for the plan.", e.Plan)
}

// normalize checks the spec and canonicalises its repeat days (case-insensitive on input,
// §6.10's example sends "friday").
func (s *PlanSpec) normalize(now int64) error {
	if err := ValidName("plan_name", s.Name); err != nil {
		return err
	}
	switch {
	case s.TargetCU < QueueMinCUs || s.TargetCU%QueueScaleStepCUs != 0:
		return invalid("Invalid target_cu %d: it must be a multiple of %d CUs, at least %d.", s.TargetCU, QueueScaleStepCUs, QueueMinCUs)
	case s.TargetCU > QueueMaxCUs:
		return &LimitError{Msg: fmt.Sprintf("Invalid target_cu %d: a queue cannot be scaled beyond %d CUs.", s.TargetCU, QueueMaxCUs)}
	case s.StartHour < 0 || s.StartHour > 23:
		return invalid("Invalid start_hour %d: it must be 0 to 23 (24-hour clock).", s.StartHour)
	case s.StartMinute < 0 || s.StartMinute > 59:
		return invalid("Invalid start_minute %d: it must be 0 to 59.", s.StartMinute)
	}
	days := make([]string, 0, len(s.RepeatDays))
	for _, d := range s.RepeatDays {
		u := strings.ToUpper(d)
		if !slices.Contains(WeekDays, u) {
			return invalid("Invalid repeat_day %q: it must be one of %s.", d, strings.Join(WeekDays, ", "))
		}
		if !slices.Contains(days, u) {
			days = append(days, u)
		}
	}
	sort.Slice(days, func(i, j int) bool { return slices.Index(WeekDays, days[i]) < slices.Index(WeekDays, days[j]) })
	s.RepeatDays = days
	probe := QueuePlan{StartHour: s.StartHour, StartMinute: s.StartMinute, RepeatDays: days,
		ValidBegin: s.ValidBegin, ValidEnd: s.ValidEnd, Activate: true, SavedAt: now}
	if _, ok := probe.nextOccurrence(now); !ok {
		return &NoOccurrenceError{Plan: s.Name}
	}
	return nil
}

// nextOccurrence is the plan's first run time after `after` (exclusive), if it has one.
func (pl *QueuePlan) nextOccurrence(after int64) (int64, bool) {
	if !pl.Activate {
		return 0, false
	}
	from := max(after, pl.ValidBegin-1)
	day := time.UnixMilli(from).UTC().Truncate(24 * time.Hour)
	for i := 0; i <= 7; i++ {
		d := day.AddDate(0, 0, i)
		at := time.Date(d.Year(), d.Month(), d.Day(), pl.StartHour, pl.StartMinute, 0, 0, time.UTC).UnixMilli()
		if at <= from {
			continue
		}
		if pl.ValidEnd != 0 && at > pl.ValidEnd {
			return 0, false
		}
		if len(pl.RepeatDays) == 0 {
			if pl.LastExecute != 0 && pl.LastExecute >= pl.SavedAt {
				return 0, false // a one-off plan that has run
			}
			return at, true
		}
		if slices.Contains(pl.RepeatDays, WeekDays[d.Weekday()]) {
			return at, true
		}
	}
	return 0, false
}

// QueuePlans returns the live plans of a queue (nil for a queue that does not exist), by id.
func (p *Project) QueuePlans(queue string) []*QueuePlan {
	q, err := p.Queue(queue)
	if err != nil {
		return nil
	}
	var out []*QueuePlan
	for _, pl := range p.Plans {
		if pl.QueueID == q.ID {
			out = append(out, pl)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// AllQueuePlans returns every live plan (whose queue still exists), by id.
func (p *Project) AllQueuePlans() []*QueuePlan {
	var out []*QueuePlan
	for _, pl := range p.Plans {
		if q, err := p.Queue(pl.Queue); err == nil && q.ID == pl.QueueID {
			out = append(out, pl)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// QueuePlan returns plan id of the queue.
func (p *Project) QueuePlan(queue string, id int64) (*QueuePlan, error) {
	for _, pl := range p.QueuePlans(queue) {
		if pl.ID == id {
			return pl, nil
		}
	}
	return nil, &NotFoundError{Kind: KindQueuePlan, Name: fmt.Sprint(id), In: strings.ToLower(queue)}
}

// AddQueuePlan stores a new plan on a queue, with id, at now. Plan names are unique per
// queue (the reading of dli-part1 Ambiguity 14: the API identifies a new plan by its name).
func (p *Project) AddQueuePlan(queue string, id int64, spec PlanSpec, now int64, createdReal time.Time) (*QueuePlan, error) {
	q, err := p.Queue(queue)
	if err != nil {
		return nil, err
	}
	if err := spec.normalize(now); err != nil {
		return nil, err
	}
	for _, pl := range p.QueuePlans(q.Name) {
		if pl.Name == spec.Name {
			return nil, &ConflictError{Kind: KindQueuePlan, Name: spec.Name, In: q.Name}
		}
	}
	if p.Plans == nil {
		p.Plans = map[int64]*QueuePlan{}
	}
	pl := &QueuePlan{ID: id, Queue: q.Name, QueueID: q.ID, CheckedTo: now, CreatedReal: createdReal}
	pl.set(spec, now)
	p.Plans[id] = pl
	return pl, nil
}

// UpdateQueuePlan replaces every setting of a plan (§6.10 is a full replacement).
func (p *Project) UpdateQueuePlan(queue string, id int64, spec PlanSpec, now int64) (*QueuePlan, error) {
	pl, err := p.QueuePlan(queue, id)
	if err != nil {
		return nil, err
	}
	if err := spec.normalize(now); err != nil {
		return nil, err
	}
	for _, other := range p.QueuePlans(queue) {
		if other.ID != id && other.Name == spec.Name {
			return nil, &ConflictError{Kind: KindQueuePlan, Name: spec.Name, In: pl.Queue}
		}
	}
	pl.set(spec, now)
	pl.CheckedTo = now
	return pl, nil
}

func (pl *QueuePlan) set(s PlanSpec, now int64) {
	pl.Name, pl.TargetCU, pl.StartHour, pl.StartMinute = s.Name, s.TargetCU, s.StartHour, s.StartMinute
	pl.RepeatDays, pl.ValidBegin, pl.ValidEnd, pl.Activate = s.RepeatDays, s.ValidBegin, s.ValidEnd, s.Activate
	pl.SavedAt = now
}

// DeleteQueuePlans deletes plans of a queue; every id must exist (§6.8), else nothing is
// deleted and the error lists the missing ids.
func (p *Project) DeleteQueuePlans(queue string, ids []int64) error {
	if _, err := p.Queue(queue); err != nil {
		return err
	}
	var missing []string
	for _, id := range ids {
		if _, err := p.QueuePlan(queue, id); err != nil {
			missing = append(missing, fmt.Sprint(id))
		}
	}
	if len(missing) > 0 {
		return &NotFoundError{Kind: KindQueuePlan, Name: strings.Join(missing, ", "), In: strings.ToLower(queue)}
	}
	for _, id := range ids {
		delete(p.Plans, id)
	}
	return nil
}

// RunScalingPlans applies, in time order, every plan occurrence that came due up to now:
// the queue starts scaling from its CU count at that moment to the plan's target (a queue
// already at the target is left alone). Plans of deleted queues are dropped.
func (p *Project) RunScalingPlans(now int64) {
	type due struct {
		at int64
		pl *QueuePlan
		q  *Queue
	}
	var runs []due
	for id, pl := range p.Plans {
		q, err := p.Queue(pl.Queue)
		if err != nil || q.ID != pl.QueueID {
			delete(p.Plans, id) // its queue is gone
			continue
		}
		for at, ok := pl.nextOccurrence(pl.CheckedTo); ok && at <= now; at, ok = pl.nextOccurrence(at) {
			runs = append(runs, due{at, pl, q})
			if len(pl.RepeatDays) == 0 {
				break // one-off
			}
		}
		pl.CheckedTo = now
	}
	sort.Slice(runs, func(i, j int) bool {
		if runs[i].at != runs[j].at {
			return runs[i].at < runs[j].at
		}
		return runs[i].pl.ID < runs[j].pl.ID // plans due at once run in creation order
	})
	for _, r := range runs {
		r.pl.LastExecute = r.at
		if current := r.q.CUCount(r.at); current != r.pl.TargetCU {
			r.q.ScaleFrom, r.q.ScaleTarget, r.q.ScaleStart = current, r.pl.TargetCU, r.at
		}
	}
}

// KindQueuePlan names scaling plans in NotFoundError and ConflictError.
const KindQueuePlan Kind = "queue plan"

// Quotas ShowQuota reports (dli-sdk-extras.md §8; reported, not enforced).
const (
	QueueQuota          = 100
	CUQuota             = 16384
	DatabaseQuota       = 100
	GlobalVariableQuota = 1000
	QueuePlanQuota      = 1000
)
