package httpapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator/store"
)

// batchAliases maps the SDK's / quick-start's camelCase names to the documented snake_case
// names (WIRE-NOTES). A body may use either spelling of a field, not both.
var batchAliases = map[string]string{
	"className":            "class_name",
	"pyFiles":              "python_files",
	"driverMemory":         "driver_memory",
	"driverCores":          "driver_cores",
	"executorMemory":       "executor_memory",
	"executorCores":        "executor_cores",
	"numExecutors":         "num_executors",
	"autoRecovery":         "auto_recovery",
	"maxRetryTimes":        "max_retry_times",
	"minRecoveryDelayTime": "min_recovery_delay_time",
}

var (
	batchMemoryRe  = regexp.MustCompile(`^[1-9][0-9]*([kKmMgGtT][bB]?)$`)
	batchOBSPathRe = regexp.MustCompile(`^obs://[^/\s]+/\S+$`)
	batchModuleRe  = regexp.MustCompile(`^sys\.[A-Za-z0-9_.-]+$`)
	batchVersionRe = regexp.MustCompile(`^[0-9]+\.[0-9]+\.[0-9]+$`)
	batchImageRe   = regexp.MustCompile(`^[^/\s]+/[^:\s]+:\S+$`)
)

// batchResourceTypes are the package kinds of DLI resource management (jar, pyFile, file,
// modelFile).
var batchResourceTypes = map[string]bool{"jar": true, "pyFile": true, "file": true, "modelFile": true}

func batchNotFound(id string) *apiError {
	return newError(http.StatusBadRequest, "DLI.0002", fmt.Sprintf("The batch job %s does not exist.", id))
}

// decodeBatchRequest folds camelCase aliases into snake_case and decodes the body.
func (c *call) decodeBatchRequest() (*batchRequest, *apiError) {
	trimmed := bytes.TrimSpace(c.body)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return nil, badRequest("The format of message is error: the request body must be a JSON object.")
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(trimmed, &raw); err != nil {
		return nil, badRequest("The format of message is error: %v", err)
	}
	for camel, snake := range batchAliases {
		v, hasCamel := raw[camel]
		if !hasCamel {
			continue
		}
		if _, hasSnake := raw[snake]; hasSnake {
			return nil, badRequest("Both %s and %s are set; use one spelling of the field.", snake, camel)
		}
		raw[snake] = v
		delete(raw, camel)
	}
	canonical, _ := json.Marshal(raw)
	var b batchRequest
	sub := *c
	sub.body = canonical
	if err := sub.decode(&b); err != nil {
		return nil, err
	}
	return &b, nil
}

// validate applies the §10.1.1 rules; every message names the field.
func validateBatchRequest(b *batchRequest) *apiError {
	if b.File == nil || strings.TrimSpace(*b.File) == "" {
		return badRequest("file is required.")
	}
	if err := checkPackage("file", *b.File); err != nil {
		return err
	}
	// class_name is required; a Python job (file *.py) has no main class (the SDK's own
	// req_body example sends "className":"" with a .py file).
	if (b.ClassName == nil || *b.ClassName == "") && !strings.HasSuffix(strings.ToLower(*b.File), ".py") {
		return badRequest("class_name is required (only a Python job, whose file ends with .py, may omit it).")
	}
	if b.Queue != nil && b.ClusterName != nil {
		return badRequest("queue and cluster_name cannot both be present; use queue.")
	}
	if b.Queue == nil && b.ClusterName == nil {
		return badRequest("queue is required: name the general-purpose queue that runs the job.")
	}
	if b.ScType != nil {
		if _, known := scTypes[*b.ScType]; !known {
			return badRequest("Invalid sc_type %q: must be A, B or C.", *b.ScType)
		}
	}
	for field, list := range map[string][]string{"jars": b.Jars, "python_files": b.PythonFiles, "files": b.Files} {
		for i, p := range list {
			if err := checkPackage(fmt.Sprintf("%s[%d]", field, i), p); err != nil {
				return err
			}
		}
	}
	for i, m := range b.Modules {
		if !batchModuleRe.MatchString(m) {
			return badRequest("Invalid modules[%d] %q: a system module name such as sys.datasource.hbase, sys.datasource.opentsdb, sys.datasource.rds or sys.datasource.css.", i, m)
		}
	}
	if err := checkResources("resources", b.Resources); err != nil {
		return err
	}
	for i, g := range b.Groups {
		if g.Name == nil || *g.Name == "" {
			return badRequest("groups[%d].name is required.", i)
		}
		if err := checkResources(fmt.Sprintf("groups[%d].resources", i), g.Resources); err != nil {
			return err
		}
	}
	if b.Name != nil && len([]rune(*b.Name)) > batchNameMax {
		return badRequest("Invalid name: at most %d characters, got %d.", batchNameMax, len([]rune(*b.Name)))
	}
	for field, m := range map[string]*string{"driver_memory": b.DriverMemory, "executor_memory": b.ExecutorMemory} {
		if m != nil && !batchMemoryRe.MatchString(*m) {
			return badRequest("Invalid %s %q: a positive size with a unit is required, e.g. 2G or 2048M.", field, *m)
		}
	}
	for field, n := range map[string]*int{"driver_cores": b.DriverCores, "executor_cores": b.ExecutorCores, "num_executors": b.NumExecutors} {
		if n != nil && *n < 1 {
			return badRequest("Invalid %s %d: must be at least 1.", field, *n)
		}
	}
	if b.MaxRetryTimes != nil && (*b.MaxRetryTimes < 0 || *b.MaxRetryTimes > batchMaxRetries) {
		return badRequest("Invalid max_retry_times %d: must be 0 to %d.", *b.MaxRetryTimes, batchMaxRetries)
	}
	if b.MinRecoveryDelayTime != nil && *b.MinRecoveryDelayTime < 0 {
		return badRequest("Invalid min_recovery_delay_time %d: must not be negative.", *b.MinRecoveryDelayTime)
	}
	if b.CatalogName != nil && *b.CatalogName != "dli" {
		return badRequest("Invalid catalog_name %q: the only value is dli (set it when the job accesses metadata).", *b.CatalogName)
	}
	for k := range b.Conf {
		if strings.TrimSpace(k) == "" {
			return badRequest("Invalid conf: a configuration key is empty.")
		}
	}
	return validateBatchFeature(b)
}

func validateBatchFeature(b *batchRequest) *apiError {
	feature := "basic"
	if b.Feature != nil {
		switch *b.Feature {
		case "basic", "ai", "custom":
			feature = *b.Feature
		default:
			return badRequest("Invalid feature %q: must be basic, ai or custom.", *b.Feature)
		}
	}
	if feature == "custom" && (b.Image == nil || *b.Image == "") {
		return badRequest("image is required when feature is custom.")
	}
	if b.Image != nil && feature != "custom" {
		return badRequest("image is only allowed when feature is custom.")
	}
	if b.Image != nil && !batchImageRe.MatchString(*b.Image) {
		return badRequest("Invalid image %q: the format is organization/image:version.", *b.Image)
	}
	if b.SparkVersion != nil && !batchVersionRe.MatchString(*b.SparkVersion) {
		return badRequest("Invalid spark_version %q: a version such as 2.3.2 or 3.3.1.", *b.SparkVersion)
	}
	if b.ExecutionAgencyURN != nil {
		if b.SparkVersion == nil || compareVersions(*b.SparkVersion, "3.3.1") < 0 {
			return badRequest("execution_agency_urn is supported from spark_version 3.3.1 on.")
		}
	}
	return nil
}

// compareVersions compares dotted numeric versions.
func compareVersions(a, b string) int {
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < max(len(as), len(bs)); i++ {
		var x, y int
		if i < len(as) {
			x, _ = strconv.Atoi(as[i])
		}
		if i < len(bs) {
			y, _ = strconv.Atoi(bs[i])
		}
		if x != y {
			return x - y
		}
	}
	return 0
}

// checkPackage checks an uploaded package name or an OBS path.
func checkPackage(field, p string) *apiError {
	switch {
	case strings.TrimSpace(p) == "":
		return badRequest("Invalid %s: empty package name.", field)
	case strings.HasPrefix(p, "obs://") && !batchOBSPathRe.MatchString(p):
		return badRequest("Invalid %s %q: an OBS path is obs://bucket/object.", field, p)
	}
	return nil
}

func checkResources(field string, rs []batchResource) *apiError {
	for i, r := range rs {
		if r.Name == nil || *r.Name == "" {
			return badRequest("%s[%d].name is required.", field, i)
		}
		if err := checkPackage(fmt.Sprintf("%s[%d].name", field, i), *r.Name); err != nil {
			return err
		}
		if r.Type != nil && !batchResourceTypes[*r.Type] {
			return badRequest("Invalid %s[%d].type %q: must be jar, pyFile, file or modelFile.", field, i, *r.Type)
		}
	}
	return nil
}

func (e *Server) createBatch(c *call) result {
	b, err := c.decodeBatchRequest()
	if err != nil {
		return fail(err)
	}
	if err := validateBatchRequest(b); err != nil {
		return fail(err)
	}
	qname := batchVal(b.Queue)
	if b.ClusterName != nil {
		qname = *b.ClusterName
	}
	q, err := e.lookupQueue(c, qname, false)
	if err != nil {
		return fail(err)
	}
	if q.Type != "general" {
		return fail(badRequest("Invalid queue %s: a batch job needs a general-purpose queue, and %s is a %s queue.", q.Name, q.Name, q.Type))
	}
	now := c.nowMillis()
	data := c.proj.BatchData()
	if b.AutoRecovery == nil {
		b.AutoRecovery = new(bool)
	}
	if b.MaxRetryTimes == nil {
		n := batchDefaultRetries
		b.MaxRetryTimes = &n
	}
	// A new queue accepts the job; it starts batchStartTime after provisioning ends (§6.1).
	start := time.Duration(q.WorkStart(now)-now)*time.Millisecond + batchStartTime
	run := batchRunTime
	if data.RunSeconds > 0 {
		run = time.Duration(data.RunSeconds) * time.Second
	}
	data.Seq++
	job := &batchJob{
		ID: store.NewUUID(), Owner: c.user.UserName, Queue: q.Name, Req: *b, ScType: reportedScType(b),
		AppID:      fmt.Sprintf("application_%d_%04d", now, data.Seq%10000),
		CreateTime: now, StartMillis: start.Milliseconds(), RunMillis: run.Milliseconds(),
		FailReason: data.FailNamed[batchVal(b.Name)], CreatedReal: c.real,
	}
	data.Jobs[job.ID] = job
	return ok(viewBatch(job, now, false))
}

// reportedScType is what detail reports: CUSTOMIZED when driver/executor settings override
// the spec, else the spec, A (the smallest) when none was given.
func reportedScType(b *batchRequest) string {
	if b.DriverMemory != nil || b.DriverCores != nil || b.ExecutorMemory != nil || b.ExecutorCores != nil || b.NumExecutors != nil {
		return "CUSTOMIZED"
	}
	if b.ScType != nil {
		return *b.ScType
	}
	return "A"
}

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
	j := c.proj.BatchData().Jobs[id]
	if j == nil || (visibleOnly && !e.visible(j.CreatedReal)) {
		return nil, batchNotFound(id)
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

// cancelBatch is §10.1.2: refused for a job that has succeeded or failed; otherwise the job
// becomes dead batchCancelTime later and stays queryable.
func (e *Server) cancelBatch(c *call) result {
	j, err := e.lookupBatch(c, false)
	if err != nil {
		return fail(err)
	}
	now := c.nowMillis()
	state := viewBatch(j, now, false).State
	if state == batchSuccess || state == batchDead {
		return fail(newError(http.StatusBadRequest, "DLI.0007",
			fmt.Sprintf("The batch job %s has already finished (state %s) and cannot be cancelled.", j.ID, state)))
	}
	if j.CancelAt == 0 {
		j.CancelAt, j.CancelledBy = now, c.user.UserName
	}
	return ok(map[string]string{"msg": "deleted"})
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
	return ok(map[string]any{"id": j.ID, "from": from, "total": len(lines), "log": page})
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
	return ok(map[string]any{"from": from, "total": total, "sessions": page})
}

// FailBatch makes an existing batch job end dead with reason when its (first) run ends,
// or after a retry when it was submitted with auto_recovery. It fails for an unknown job
// and for one that has already finished its first run.
func (e *Server) FailBatch(id, reason string) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	now := e.clock.Now().UnixMilli()
	for pid := range e.projectIDs {
		j := e.data.Project(pid).BatchData().Jobs[id]
		if j == nil {
			continue
		}
		if events := j.EventsAt(now); len(events) > 2 || j.CancelAt != 0 {
			return fmt.Errorf("batch job %s is already %s", id, events[len(events)-1].State)
		}
		j.FailReason = failReason(reason)
		return nil
	}
	return fmt.Errorf("batch job %s does not exist", id)
}

// FailBatchesNamed makes every batch job created later with this name (in any project) end
// dead with reason; an empty reason clears the rule.
func (e *Server) FailBatchesNamed(name, reason string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for pid := range e.projectIDs {
		rules := e.data.Project(pid).BatchData().FailNamed
		if reason == "" {
			delete(rules, name)
		} else {
			rules[name] = reason
		}
	}
}

// SetBatchRunTime sets how long (emulated time) batch jobs created later run before they
// end; 0 restores the default of 120 seconds.
func (e *Server) SetBatchRunTime(d time.Duration) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for pid := range e.projectIDs {
		e.data.Project(pid).BatchData().RunSeconds = int64(d / time.Second)
	}
}

func failReason(reason string) string {
	if reason == "" {
		return "java.lang.RuntimeException: job failed (injected by the emulator)"
	}
	return reason
}

func (e *Server) adminFailBatch(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Reason string `json:"reason"`
	}
	if r.ContentLength != 0 {
		if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&body); err != nil {
			writeError(w, badRequest("Invalid request: %v", err))
			return
		}
	}
	if err := e.FailBatch(r.PathValue("batch_id"), body.Reason); err != nil {
		writeError(w, badRequest("%v", err))
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (e *Server) adminFailBatchesNamed(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Name   string `json:"name"`
		Reason string `json:"reason"`
		Clear  bool   `json:"clear"`
	}
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&body); err != nil || body.Name == "" {
		writeError(w, badRequest("A body {\"name\": <job name>, \"reason\": <text>} is required (\"clear\": true removes the rule)."))
		return
	}
	reason := failReason(body.Reason)
	if body.Clear {
		reason = ""
	}
	e.FailBatchesNamed(body.Name, reason)
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (e *Server) adminBatchRunTime(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Seconds *float64 `json:"seconds"`
	}
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&body); err != nil || body.Seconds == nil || *body.Seconds < 0 {
		writeError(w, badRequest("A body {\"seconds\": N} with N >= 0 is required."))
		return
	}
	e.SetBatchRunTime(time.Duration(*body.Seconds * float64(time.Second)))
	writeJSON(w, http.StatusOK, map[string]any{"seconds": *body.Seconds})
}
