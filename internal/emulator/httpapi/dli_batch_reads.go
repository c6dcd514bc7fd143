package httpapi

import (
	"encoding/json"
	"sort"
	"strconv"
	"strings"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator/store"
)

// batchView is the detail (§10.1.4) and list item (§10.1.3) shape, as the SDK's
// ShowSparkJobResponse / SparkJob; the create response (§10.1.1) omits req_body, feature and
// spark_version.
type batchView struct {
	ID           string   `json:"id"`
	AppID        *string  `json:"appId"` // null until the application is submitted
	Name         string   `json:"name"`
	Owner        string   `json:"owner"`
	ProxyUser    string   `json:"proxyUser"`
	State        string   `json:"state"`
	Kind         string   `json:"kind"`
	Log          []string `json:"log"`
	ScType       string   `json:"sc_type"`
	ClusterName  string   `json:"cluster_name"`
	Queue        string   `json:"queue"`
	CreateTime   int64    `json:"create_time"`
	UpdateTime   int64    `json:"update_time"`
	Duration     int64    `json:"duration"`
	Image        string   `json:"image,omitempty"`
	ReqBody      string   `json:"req_body,omitempty"`
	Feature      string   `json:"feature,omitempty"`
	SparkVersion string   `json:"spark_version,omitempty"`
}

func viewBatch(j *batchJob, now int64, detail bool) batchView {
	events := j.EventsAt(now)
	cur := events[len(events)-1]
	v := batchView{
		ID: j.ID, Name: batchVal(j.Req.Name), Owner: j.Owner, ProxyUser: j.Owner, State: cur.State, Kind: "spark",
		ScType: j.ScType, ClusterName: j.Queue, Queue: j.Queue, CreateTime: j.CreateTime, UpdateTime: cur.At,
		Image: batchVal(j.Req.Image), Log: []string{},
	}
	lines := j.LogLines(now, -1)
	v.Log = append(v.Log, lines[max(0, len(lines)-batchLogLast):]...)
	var runningSince int64
	for _, ev := range events {
		if ev.State == batchRunning && runningSince == 0 {
			runningSince = ev.At
		}
	}
	if runningSince > 0 {
		appID := j.AppID
		v.AppID = &appID
		end := now
		if cur.State == batchSuccess || cur.State == batchDead {
			end = cur.At
		}
		v.Duration = end - runningSince
	}
	if detail {
		v.ReqBody = batchReqBody(j)
		v.Feature = j.EffectiveFeature()
		v.SparkVersion = j.EffectiveSparkVersion()
	}
	return v
}

// reqBody renders the submitted request as the SDK's req_body example does: a JSON string,
// Livy-style camelCase for the fields the SDK spells that way, lists always present.
func batchReqBody(j *batchJob) string {
	r := j.Req
	m := map[string]any{
		"file": batchVal(r.File), "className": batchVal(r.ClassName), "queue": j.Queue, "name": batchVal(r.Name),
		"args": orEmpty(r.Args), "jars": orEmpty(r.Jars), "pyFiles": orEmpty(r.PythonFiles), "files": orEmpty(r.Files),
		"modelFiles": []string{}, "archives": []string{}, "modules": orEmpty(r.Modules),
		"resources": orEmpty(r.Resources), "groups": orEmpty(r.Groups), "conf": map[string]any{},
		"autoRecovery": batchVal(r.AutoRecovery), "maxRetryTimes": batchVal(r.MaxRetryTimes),
		"minRecoveryDelayTime": int64(10000), "feature": j.EffectiveFeature(), "spark_version": j.EffectiveSparkVersion(),
	}
	if r.Conf != nil {
		m["conf"] = r.Conf
	}
	if r.MinRecoveryDelayTime != nil {
		m["minRecoveryDelayTime"] = *r.MinRecoveryDelayTime
	}
	optional := map[string]any{
		"sc_type": r.ScType, "driverMemory": r.DriverMemory, "driverCores": r.DriverCores,
		"executorMemory": r.ExecutorMemory, "executorCores": r.ExecutorCores, "numExecutors": r.NumExecutors,
		"obs_bucket": r.ObsBucket, "catalog_name": r.CatalogName, "image": r.Image,
		"execution_agency_urn": r.ExecutionAgencyURN,
	}
	for k, v := range optional {
		switch p := v.(type) {
		case *string:
			if p != nil {
				m[k] = *p
			}
		case *int:
			if p != nil {
				m[k] = *p
			}
		}
	}
	data, _ := json.Marshal(m)
	return string(data)
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// lookupBatch finds a batch job; visibleOnly applies the consistency delay (reads).
func (e *Server) lookupBatch(c *call, visibleOnly bool) (*batchJob, *apiError) {
	id := c.path("batch_id")
	j, err := c.proj.Batch(id)
	if err == nil && visibleOnly && !e.visible(j.CreatedReal) {
		err = &store.NotFoundError{Kind: store.KindBatch, Name: id}
	}
	if err != nil {
		return nil, domainError(err)
	}
	return j, nil
}

func (e *Server) showBatch(c *call) result {
	j, err := e.lookupBatch(c, true)
	if err != nil {
		return fail(err)
	}
	return ok(viewBatch(j, c.nowMillis(), true))
}

func (e *Server) showBatchState(c *call) result {
	j, err := e.lookupBatch(c, true)
	if err != nil {
		return fail(err)
	}
	return ok(map[string]string{"id": j.ID, "state": viewBatch(j, c.nowMillis(), false).State})
}

func (e *Server) showBatchLog(c *call) result {
	j, err := e.lookupBatch(c, true)
	if err != nil {
		return fail(err)
	}
	attempt := -1
	if c.hasQuery("type") {
		if t := c.query("type"); t != "driver" {
			return fail(badRequest("Invalid type %q: the only value is driver.", t))
		}
		attempt = 0
	}
	if c.hasQuery("index") {
		idx, err := c.intParam("index", 0, 0)
		if err != nil {
			return fail(err)
		}
		attempt = idx // index alone implies type=driver
	}
	lines := j.LogLines(c.nowMillis(), attempt)
	from, err := c.intParam("from", max(0, len(lines)-batchLogDefault), 0)
	if err != nil {
		return fail(err)
	}
	size, err := c.intParam("size", len(lines), 0)
	if err != nil {
		return fail(err)
	}
	page := []string{}
	if from < len(lines) {
		page = append(page, lines[from:min(len(lines), from+size)]...)
	}
	return ok(batchLogResponse{ID: j.ID, From: from, Total: len(lines), Log: page})
}

func (e *Server) listBatches(c *call) result {
	from, err := c.intParam("from", 0, 0)
	if err != nil {
		return fail(err)
	}
	size, err := c.intParam("size", 100, 1)
	if err != nil {
		return fail(err)
	}
	id := c.query("job_id")
	if alt := c.query("job-id"); alt != "" {
		if id != "" && id != alt {
			return fail(badRequest("job_id and job-id disagree; give one."))
		}
		id = alt
	}
	state := strings.ToLower(c.query("state"))
	switch state {
	case "", batchStarting, batchRunning, batchRecovering, batchSuccess, batchDead:
	default:
		return fail(badRequest("Invalid state %q: must be starting, running, dead, success or recovering.", c.query("state")))
	}
	order := c.query("order")
	switch order {
	case "", "CREATE_TIME_DESC", "CREATE_TIME_ASC", "DURATION_DESC", "DURATION_ASC":
	default:
		return fail(badRequest("Invalid order %q: must be CREATE_TIME_DESC, CREATE_TIME_ASC, DURATION_DESC or DURATION_ASC.", order))
	}
	var startMs, endMs int64
	for name, dst := range map[string]*int64{"start": &startMs, "end": &endMs} {
		if s := c.query(name); s != "" {
			v, perr := strconv.ParseInt(s, 10, 64)
			if perr != nil || v < 0 {
				return fail(badRequest("Invalid %s %q: epoch milliseconds.", name, s))
			}
			*dst = v
		}
	}
	queues := map[string]bool{}
	for _, p := range []string{"queue_name", "cluster_name"} {
		if q := c.query(p); q != "" {
			queues[strings.ToLower(q)] = true
		}
	}
	now := c.nowMillis()
	name, owner := c.query("job_name"), c.query("owner")
	items := []batchView{}
	for _, j := range c.proj.BatchData().Jobs {
		if !e.visible(j.CreatedReal) {
			continue
		}
		v := viewBatch(j, now, true)
		switch {
		case id != "" && j.ID != id,
			len(queues) > 0 && (!queues[j.Queue] || len(queues) > 1),
			name != "" && !strings.Contains(v.Name, name),
			owner != "" && v.Owner != owner,
			state != "" && v.State != state,
			startMs > 0 && j.CreateTime < startMs,
			endMs > 0 && j.CreateTime > endMs:
			continue
		}
		items = append(items, v)
	}
	sort.Slice(items, func(i, k int) bool {
		a, b := items[i], items[k]
		switch order {
		case "CREATE_TIME_ASC":
			if a.CreateTime != b.CreateTime {
				return a.CreateTime < b.CreateTime
			}
		case "DURATION_DESC":
			if a.Duration != b.Duration {
				return a.Duration > b.Duration
			}
		case "DURATION_ASC":
			if a.Duration != b.Duration {
				return a.Duration < b.Duration
			}
		default:
			if a.CreateTime != b.CreateTime {
				return a.CreateTime > b.CreateTime
			}
		}
		return a.ID < b.ID
	})
	total := len(items)
	page := []batchView{}
	if from < total {
		page = append(page, items[from:min(total, from+size)]...)
	}
	return ok(batchListResponse{From: from, Total: total, Sessions: page})
}
