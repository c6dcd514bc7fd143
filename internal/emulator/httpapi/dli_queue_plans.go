package httpapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator/store"
)

// Scheduled scaling plans of a queue (§6.6–6.10; wire format per the SDK's QueuePlan,
// QueuePlanRequestBody and the plan responses). Plans take effect on the emulated clock:
// see store.RunScalingPlans, which the request pipeline runs before every handler.

// queuePlanItem is one §6.7 list item (the SDK's model.QueuePlan).
type queuePlanItem struct {
	ID              int64    `json:"id"`
	PlanName        string   `json:"plan_name"`
	TargetCU        int      `json:"target_cu"`
	StartHour       int      `json:"start_hour"`
	StartMinute     int      `json:"start_minute"`
	RepeatDay       []string `json:"repeat_day"`
	ValidDateBegin  *int64   `json:"valid_date_begin,omitempty"`
	ValidDateEnd    *int64   `json:"valid_date_end,omitempty"`
	Activate        bool     `json:"activate"`
	LastExecuteTime *int64   `json:"last_execute_time,omitempty"`
}

type listQueuePlansResponse struct {
	IsSuccess bool            `json:"is_success"`
	Message   string          `json:"message"`
	Plans     []queuePlanItem `json:"plans"`
}

type updateQueuePlanResponse struct {
	IsSuccess bool   `json:"is_success"`
	Message   string `json:"message"`
	QueueName string `json:"queue_name"`
	PlanID    int64  `json:"plan_id"`
}

// queuePlanBody is the create and modify body (§6.6/§6.10: the same required fields).
type queuePlanBody struct {
	PlanName       *string    `json:"plan_name"`
	TargetCU       *int       `json:"target_cu"`
	StartHour      *int       `json:"start_hour"`
	StartMinute    *int       `json:"start_minute"`
	RepeatDay      repeatDays `json:"repeat_day"`
	ValidDateBegin *int64     `json:"valid_date_begin"`
	ValidDateEnd   *int64     `json:"valid_date_end"`
	Activate       flexBool   `json:"activate"`
}

// repeatDays is the required repeat_day array. The SDK sends a repeat_day left unset as
// null, read as no days selected (a one-off plan), like [].
type repeatDays struct {
	set  bool
	days []string
}

func (r *repeatDays) UnmarshalJSON(b []byte) error {
	r.set = true
	if strings.TrimSpace(string(b)) == "null" {
		return nil
	}
	if err := json.Unmarshal(b, &r.days); err != nil {
		return &fieldError{msg: "Invalid value for repeat_day: expected an array of day names."}
	}
	return nil
}

// queuePlanSpec decodes and checks the body's required fields.
func (c *call) queuePlanSpec() (store.PlanSpec, *apiError) {
	b := queuePlanBody{Activate: flexBool{name: "activate"}}
	if err := c.decode(&b); err != nil {
		return store.PlanSpec{}, err
	}
	var missing []string
	for _, f := range []struct {
		name    string
		present bool
	}{
		{"plan_name", b.PlanName != nil}, {"target_cu", b.TargetCU != nil}, {"start_hour", b.StartHour != nil},
		{"start_minute", b.StartMinute != nil}, {"repeat_day", b.RepeatDay.set},
	} {
		if !f.present {
			missing = append(missing, f.name)
		}
	}
	if len(missing) > 0 {
		return store.PlanSpec{}, badRequest("Missing required parameters: %s.", strings.Join(missing, ", "))
	}
	spec := store.PlanSpec{
		Name: *b.PlanName, TargetCU: *b.TargetCU, StartHour: *b.StartHour, StartMinute: *b.StartMinute,
		RepeatDays: b.RepeatDay.days, ValidBegin: batchVal(b.ValidDateBegin), ValidEnd: batchVal(b.ValidDateEnd),
		Activate: !b.Activate.Set || b.Activate.Value, // §6.6: active by default
	}
	for _, v := range []int64{spec.ValidBegin, spec.ValidEnd} {
		if v != 0 && (v < 1e12 || v >= 1e13) {
			return store.PlanSpec{}, badRequest("Invalid valid_date_begin or valid_date_end %d: it must be a 13-digit timestamp in milliseconds.", v)
		}
	}
	return spec, nil
}

// planError is the documented answer of a plan operation's failure.
func planError(err error) *apiError {
	var noRun *store.NoOccurrenceError
	var nf *store.NotFoundError
	switch {
	case errors.As(err, &noRun):
		return newError(http.StatusBadRequest, "DLI.0999", noRun.Error())
	case errors.As(err, &nf) && nf.Kind == store.KindQueuePlan:
		if strings.Contains(nf.Name, ",") {
			return newError(http.StatusBadRequest, "DLI.0002", fmt.Sprintf("The plans with id %s do not exist.", nf.Name))
		}
		return newError(http.StatusBadRequest, "DLI.0002", fmt.Sprintf("The plan with id %s does not exist.", nf.Name))
	case errors.As(err, &nf) && nf.Kind == store.KindQueue:
		return newError(http.StatusBadRequest, "DLI.0008", fmt.Sprintf("There is no queue named %s.", nf.Name))
	}
	return domainError(err)
}

// planID parses the plan_id path parameter: one numeric id (dli-part1 Ambiguity 10).
func (c *call) planID() (int64, *apiError) {
	id, err := strconv.ParseInt(strings.TrimSpace(c.path("plan_id")), 10, 64)
	if err != nil || id <= 0 {
		return 0, badRequest("Invalid plan_id %q: it must be a plan id from the plan list.", c.path("plan_id"))
	}
	return id, nil
}

func (e *Server) createQueuePlan(c *call) result {
	spec, aerr := c.queuePlanSpec()
	if aerr != nil {
		return fail(aerr)
	}
	if _, err := c.proj.AddQueuePlan(c.path("queue_name"), e.data.AllocID(), spec, c.nowMillis(), c.real); err != nil {
		return fail(planError(err))
	}
	return ok(success(""))
}

func (e *Server) listQueuePlans(c *call) result {
	if _, err := c.proj.Queue(c.path("queue_name")); err != nil {
		return fail(planError(err))
	}
	items := []queuePlanItem{}
	for _, pl := range c.proj.QueuePlans(c.path("queue_name")) {
		if e.visible(pl.CreatedReal) {
			items = append(items, planItem(pl))
		}
	}
	return ok(listQueuePlansResponse{IsSuccess: true, Plans: items})
}

func planItem(pl *store.QueuePlan) queuePlanItem {
	optional := func(v int64) *int64 {
		if v == 0 {
			return nil
		}
		return &v
	}
	return queuePlanItem{
		ID: pl.ID, PlanName: pl.Name, TargetCU: pl.TargetCU, StartHour: pl.StartHour, StartMinute: pl.StartMinute,
		RepeatDay: append([]string{}, pl.RepeatDays...), ValidDateBegin: optional(pl.ValidBegin),
		ValidDateEnd: optional(pl.ValidEnd), Activate: pl.Activate, LastExecuteTime: optional(pl.LastExecute),
	}
}

func (e *Server) updateQueuePlan(c *call) result {
	id, aerr := c.planID()
	if aerr != nil {
		return fail(aerr)
	}
	spec, aerr := c.queuePlanSpec()
	if aerr != nil {
		return fail(aerr)
	}
	pl, err := c.proj.UpdateQueuePlan(c.path("queue_name"), id, spec, c.nowMillis())
	if err != nil {
		return fail(planError(err))
	}
	return ok(updateQueuePlanResponse{IsSuccess: true, QueueName: pl.Queue, PlanID: pl.ID})
}

func (e *Server) deleteQueuePlan(c *call) result {
	id, aerr := c.planID()
	if aerr != nil {
		return fail(aerr)
	}
	if err := c.proj.DeleteQueuePlans(c.path("queue_name"), []int64{id}); err != nil {
		return fail(planError(err))
	}
	return ok(success(""))
}

type batchDeletePlansBody struct {
	PlanIDs *[]int64 `json:"plan_ids"`
}

func (e *Server) batchDeleteQueuePlans(c *call) result {
	var b batchDeletePlansBody
	if err := c.decode(&b); err != nil {
		return fail(err)
	}
	if b.PlanIDs == nil || len(*b.PlanIDs) == 0 {
		return fail(badRequest("plan_ids is required."))
	}
	if err := c.proj.DeleteQueuePlans(c.path("queue_name"), *b.PlanIDs); err != nil {
		return fail(planError(err))
	}
	return ok(success(""))
}
