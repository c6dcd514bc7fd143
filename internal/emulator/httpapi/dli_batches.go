package httpapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
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
