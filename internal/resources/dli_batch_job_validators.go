package resources

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Rules of the Spark batch create body (§10.1.1 and the SDK's CreateSparkJobRequestBody).
var (
	batchMemoryRe  = regexp.MustCompile(`^[1-9][0-9]*([kKmMgGtT][bB]?)$`)
	batchOBSPathRe = regexp.MustCompile(`^obs://[^/\s]+/\S+$`)
	batchModuleRe  = regexp.MustCompile(`^sys\.[A-Za-z0-9_.-]+$`)
	batchVersionRe = regexp.MustCompile(`^[0-9]+\.[0-9]+\.[0-9]+$`)
	batchImageRe   = regexp.MustCompile(`^[^/\s]+/[^:\s]+:\S+$`)

	batchResourceTypes = []string{"jar", "pyFile", "file", "modelFile"}
)

// batchPackage validates a package reference: a name uploaded to DLI resource management or
// an OBS path obs://bucket/object.
func batchPackage() validator.String { return batchPackageValidator{} }

type batchPackageValidator struct{}

func (batchPackageValidator) Description(context.Context) string {
	return "a package name uploaded to DLI, or an OBS path obs://bucket/object"
}

func (v batchPackageValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v batchPackageValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	p := req.ConfigValue.ValueString()
	var problem string
	switch {
	case strings.TrimSpace(p) == "":
		problem = "is empty"
	case strings.HasPrefix(p, "obs://") && !batchOBSPathRe.MatchString(p):
		problem = "is not a complete OBS path (obs://bucket/object)"
	}
	if problem != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid package",
			fmt.Sprintf("%s %q %s; it must be %s.", req.Path, p, problem, v.Description(ctx)))
	}
}

// batchMemory validates a Spark memory size, which DLI requires with a unit (2G, 2048M).
func batchMemory() validator.String { return batchMemoryValidator{} }

type batchMemoryValidator struct{}

func (batchMemoryValidator) Description(context.Context) string {
	return "a positive size with a unit (k, m, g or t, optionally followed by b), e.g. 2G or 2048M"
}

func (v batchMemoryValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v batchMemoryValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if m := req.ConfigValue.ValueString(); !batchMemoryRe.MatchString(m) {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid memory size",
			fmt.Sprintf("%s %q must be %s: without a unit the job fails to start.", req.Path, m, v.Description(ctx)))
	}
}

// fromReqBody refreshes the job arguments from detail's req_body, the submitted request as a
// JSON string. Both spellings of a field are understood (the SDK's camelCase and the
// documented snake_case). Empty values read back as null unless state has them empty.
func (m *dliBatchJobModel) fromReqBody(reqBody string, diags *diag.Diagnostics) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(reqBody), &raw); err != nil {
		diags.AddWarning("Unreadable req_body",
			fmt.Sprintf("DLI returned a req_body that is not a JSON object (%v); the job arguments were not refreshed.", err))
		return
	}
	get := func(v any, keys ...string) bool {
		for _, k := range keys {
			if data, ok := raw[k]; ok && string(data) != "null" {
				return json.Unmarshal(data, v) == nil
			}
		}
		return false
	}
	str := func(prior types.String, keys ...string) types.String {
		var s string
		get(&s, keys...)
		return batchOptional(s, prior)
	}
	list := func(prior types.List, keys ...string) types.List {
		var l []string
		get(&l, keys...)
		return batchList(l, prior)
	}
	num := func(keys ...string) types.Int64 {
		var n int64
		if get(&n, keys...) {
			return types.Int64Value(n)
		}
		return types.Int64Null()
	}
	m.File = str(m.File, "file")
	m.ClassName = str(m.ClassName, "className", "class_name")
	if q := str(types.StringNull(), "queue", "cluster_name"); !q.IsNull() {
		m.QueueName = types.StringValue(strings.ToLower(q.ValueString()))
	}
	var name string
	if get(&name, "name") {
		m.Name = types.StringValue(name)
	}
	m.Args = list(m.Args, "args")
	m.Jars = list(m.Jars, "jars")
	m.PythonFiles = list(m.PythonFiles, "pyFiles", "python_files")
	m.Files = list(m.Files, "files")
	m.Modules = list(m.Modules, "modules")
	m.ScType = str(m.ScType, "sc_type", "scType")
	m.DriverMemory = str(m.DriverMemory, "driverMemory", "driver_memory")
	m.ExecutorMemory = str(m.ExecutorMemory, "executorMemory", "executor_memory")
	m.DriverCores = num("driverCores", "driver_cores")
	m.ExecutorCores = num("executorCores", "executor_cores")
	m.NumExecutors = num("numExecutors", "num_executors")
	m.ObsBucket = str(m.ObsBucket, "obs_bucket", "obsBucket")
	m.CatalogName = str(m.CatalogName, "catalog_name", "catalogName")
	m.Image = str(m.Image, "image")
	m.ExecutionAgencyURN = str(m.ExecutionAgencyURN, "execution_agency_urn")
	var recovery bool
	if get(&recovery, "autoRecovery", "auto_recovery") {
		m.AutoRecovery = types.BoolValue(recovery)
	}
	if n := num("maxRetryTimes", "max_retry_times"); !n.IsNull() {
		m.MaxRetryTimes = n
	}
	var conf map[string]any
	get(&conf, "conf")
	m.Conf = batchConf(conf, m.Conf)

	type item struct {
		Name string `json:"name"`
		Type string `json:"type"`
	}
	var resources []item
	get(&resources, "resources")
	toObjects := func(items []item) []attr.Value {
		out := make([]attr.Value, 0, len(items))
		for _, it := range items {
			out = append(out, types.ObjectValueMust(batchResourceType.AttrTypes, map[string]attr.Value{
				"name": types.StringValue(it.Name), "type": batchOptional(it.Type, types.StringNull()),
			}))
		}
		return out
	}
	m.Resources = batchObjects(batchResourceType, toObjects(resources), m.Resources)
	var groups []struct {
		Name      string `json:"name"`
		Resources []item `json:"resources"`
	}
	get(&groups, "groups")
	groupValues := make([]attr.Value, 0, len(groups))
	for _, g := range groups {
		groupValues = append(groupValues, types.ObjectValueMust(batchGroupType.AttrTypes, map[string]attr.Value{
			"name":      types.StringValue(g.Name),
			"resources": batchObjects(batchResourceType, toObjects(g.Resources), types.ListNull(batchResourceType)),
		}))
	}
	m.Groups = batchObjects(batchGroupType, groupValues, m.Groups)
}

// batchOptional is v, or null when v is empty (unless prior holds the empty string).
func batchOptional(v string, prior types.String) types.String {
	if v == "" && (prior.IsNull() || prior.IsUnknown() || prior.ValueString() != "") {
		return types.StringNull()
	}
	return types.StringValue(v)
}

// batchList is the list of values; an empty list is null unless prior is an empty list.
func batchList(values []string, prior types.List) types.List {
	elems := make([]attr.Value, 0, len(values))
	for _, v := range values {
		elems = append(elems, types.StringValue(v))
	}
	return batchObjects(types.StringType, elems, prior)
}

// batchObjects builds a list of elemType; an empty list is null unless prior is non-null.
func batchObjects(elemType attr.Type, elems []attr.Value, prior types.List) types.List {
	if len(elems) == 0 && (prior.IsNull() || prior.IsUnknown()) {
		return types.ListNull(elemType)
	}
	return types.ListValueMust(elemType, elems)
}

// batchConf turns the conf object into a map of strings (non-string values as JSON); an
// empty conf is null unless prior is non-null.
func batchConf(conf map[string]any, prior types.Map) types.Map {
	if len(conf) == 0 && (prior.IsNull() || prior.IsUnknown()) {
		return types.MapNull(types.StringType)
	}
	elems := make(map[string]attr.Value, len(conf))
	for k, v := range conf {
		s, isString := v.(string)
		if !isString {
			data, _ := json.Marshal(v)
			s = string(data)
		}
		elems[k] = types.StringValue(s)
	}
	return types.MapValueMust(types.StringType, elems)
}
