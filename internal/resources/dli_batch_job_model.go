package resources

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/flex"
)

// dliBatchJobModel is the Terraform state of huaweidata_dli_batch_job.
type dliBatchJobModel struct {
	ID                 types.String      `tfsdk:"id"`
	QueueName          types.String      `tfsdk:"queue_name"`
	Name               types.String      `tfsdk:"name"`
	File               types.String      `tfsdk:"file"`
	ClassName          types.String      `tfsdk:"class_name"`
	Args               types.List        `tfsdk:"args"`
	Jars               types.List        `tfsdk:"jars"`
	PythonFiles        types.List        `tfsdk:"python_files"`
	Files              types.List        `tfsdk:"files"`
	Modules            types.List        `tfsdk:"modules"`
	Resources          types.List        `tfsdk:"resources"`
	Groups             types.List        `tfsdk:"groups"`
	Conf               types.Map         `tfsdk:"conf"`
	ScType             types.String      `tfsdk:"sc_type"`
	DriverMemory       types.String      `tfsdk:"driver_memory"`
	DriverCores        types.Int32       `tfsdk:"driver_cores"`
	ExecutorMemory     types.String      `tfsdk:"executor_memory"`
	ExecutorCores      types.Int32       `tfsdk:"executor_cores"`
	NumExecutors       types.Int32       `tfsdk:"num_executors"`
	ObsBucket          types.String      `tfsdk:"obs_bucket"`
	AutoRecovery       types.Bool        `tfsdk:"auto_recovery"`
	MaxRetryTimes      types.Int32       `tfsdk:"max_retry_times"`
	CatalogName        types.String      `tfsdk:"catalog_name"`
	Feature            types.String      `tfsdk:"feature"`
	SparkVersion       types.String      `tfsdk:"spark_version"`
	Image              types.String      `tfsdk:"image"`
	ExecutionAgencyURN types.String      `tfsdk:"execution_agency_urn"`
	WaitFor            types.String      `tfsdk:"wait_for"`
	Triggers           types.Map         `tfsdk:"triggers"`
	CancelOnDestroy    types.Bool        `tfsdk:"cancel_on_destroy"`
	State              types.String      `tfsdk:"state"`
	AppID              types.String      `tfsdk:"app_id"`
	Owner              types.String      `tfsdk:"owner"`
	ProxyUser          types.String      `tfsdk:"proxy_user"`
	Kind               types.String      `tfsdk:"kind"`
	EffectiveScType    types.String      `tfsdk:"effective_sc_type"`
	CreateTime         timetypes.RFC3339 `tfsdk:"create_time"`
	UpdateTime         timetypes.RFC3339 `tfsdk:"update_time"`
	Duration           types.Int64       `tfsdk:"duration"`
	LogTail            types.List        `tfsdk:"log_tail"`
	Timeouts           timeouts.Value    `tfsdk:"timeouts"`
}

// batchResourceModel is an item of resources and groups[].resources.
type batchResourceModel struct {
	Name types.String `tfsdk:"name"`
	Type types.String `tfsdk:"type"`
}

// batchGroupModel is an item of groups.
type batchGroupModel struct {
	Name      types.String `tfsdk:"name"`
	Resources types.List   `tfsdk:"resources"`
}

var (
	batchResourceType = types.ObjectType{AttrTypes: map[string]attr.Type{"name": types.StringType, "type": types.StringType}}
	batchGroupType    = types.ObjectType{AttrTypes: map[string]attr.Type{"name": types.StringType, "resources": types.ListType{ElemType: batchResourceType}}}
)

// createBody maps the plan to the §10.1.1 request body.
func (m dliBatchJobModel) createBody(ctx context.Context) (*client.BatchJobRequest, diag.Diagnostics) {
	var diags diag.Diagnostics
	strs := func(l types.List) []string { return flex.StringList(ctx, l, &diags) }
	b := &client.BatchJobRequest{
		File:               m.File.ValueString(),
		ClassName:          m.ClassName.ValueString(),
		Queue:              m.QueueName.ValueString(),
		Args:               strs(m.Args),
		ScType:             flex.StringPointer(m.ScType),
		Jars:               strs(m.Jars),
		PythonFiles:        strs(m.PythonFiles),
		Files:              strs(m.Files),
		Modules:            strs(m.Modules),
		Name:               flex.StringPointer(m.Name),
		DriverMemory:       flex.StringPointer(m.DriverMemory),
		DriverCores:        flex.Int32Pointer(m.DriverCores),
		ExecutorMemory:     flex.StringPointer(m.ExecutorMemory),
		ExecutorCores:      flex.Int32Pointer(m.ExecutorCores),
		NumExecutors:       flex.Int32Pointer(m.NumExecutors),
		ObsBucket:          flex.StringPointer(m.ObsBucket),
		AutoRecovery:       flex.BoolPointer(m.AutoRecovery),
		MaxRetryTimes:      flex.Int32Pointer(m.MaxRetryTimes),
		CatalogName:        flex.StringPointer(m.CatalogName),
		Feature:            flex.StringPointer(m.Feature),
		SparkVersion:       flex.StringPointer(m.SparkVersion),
		Image:              flex.StringPointer(m.Image),
		ExecutionAgencyURN: flex.StringPointer(m.ExecutionAgencyURN),
	}
	if b.Name != nil && *b.Name == "" {
		b.Name = nil
	}
	if flex.IsKnown(m.Conf) {
		diags.Append(m.Conf.ElementsAs(ctx, &b.Conf, false)...)
	}
	b.Resources = batchResourcesFrom(ctx, m.Resources, &diags)
	if flex.IsKnown(m.Groups) {
		var groups []batchGroupModel
		diags.Append(m.Groups.ElementsAs(ctx, &groups, false)...)
		for _, g := range groups {
			b.Groups = append(b.Groups, client.BatchGroup{Name: g.Name.ValueString(), Resources: batchResourcesFrom(ctx, g.Resources, &diags)})
		}
	}
	return b, diags
}

// fromJob copies what detail (or create) returns. The submitted arguments come back only in
// req_body, from services that return it; without it the arguments stay as they are.
func (m *dliBatchJobModel) fromJob(j *client.BatchJob, diags *diag.Diagnostics) {
	m.ID = types.StringValue(j.ID)
	if q := j.QueueName(); q != "" {
		m.QueueName = types.StringValue(strings.ToLower(q))
	}
	m.Name = types.StringValue(j.Name)
	m.State = types.StringValue(j.State)
	m.AppID = batchOptional(string(j.AppID), types.StringNull())
	m.Owner = types.StringValue(j.Owner)
	m.ProxyUser = types.StringValue(j.ProxyUser)
	m.Kind = types.StringValue(j.Kind)
	m.EffectiveScType = types.StringValue(j.ScType)
	m.CreateTime = flex.RFC3339FromMillis(j.CreateTime)
	m.UpdateTime = flex.RFC3339FromMillis(j.UpdateTime)
	m.Duration = types.Int64Value(j.Duration)
	m.LogTail = batchList(j.Log, types.ListValueMust(types.StringType, nil))
	if j.Feature != "" {
		m.Feature = types.StringValue(j.Feature)
	}
	if j.SparkVersion != "" {
		m.SparkVersion = types.StringValue(j.SparkVersion)
	}
	if j.ReqBody != "" {
		m.fromReqBody(j.ReqBody, diags)
	}
	if m.WaitFor.IsNull() { // imported
		m.WaitFor = types.StringValue(batchWaitCompleted)
	}
	if m.CancelOnDestroy.IsNull() {
		m.CancelOnDestroy = types.BoolValue(true)
	}
	if m.AutoRecovery.IsNull() {
		m.AutoRecovery = types.BoolValue(false)
	}
	if m.MaxRetryTimes.IsNull() {
		m.MaxRetryTimes = types.Int32Value(batchDefaultMaxRetryTimes)
	}
	if m.Name.IsNull() {
		m.Name = types.StringValue("")
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
	num := func(keys ...string) types.Int32 {
		var n int32
		if get(&n, keys...) {
			return types.Int32Value(n)
		}
		return types.Int32Null()
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

// copyComputed copies the values only DLI sets from other.
func (m *dliBatchJobModel) copyComputed(o dliBatchJobModel) {
	m.State, m.AppID, m.Owner, m.ProxyUser, m.Kind = o.State, o.AppID, o.Owner, o.ProxyUser, o.Kind
	m.EffectiveScType, m.CreateTime, m.UpdateTime, m.Duration, m.LogTail = o.EffectiveScType, o.CreateTime, o.UpdateTime, o.Duration, o.LogTail
	m.Feature, m.SparkVersion = o.Feature, o.SparkVersion
}

// withUnknownsNull returns m with every value not known yet set to null, for the state saved
// right after the submission.
func (m dliBatchJobModel) withUnknownsNull() dliBatchJobModel {
	flex.UnknownToNull(&m.Feature, &m.SparkVersion, &m.State, &m.AppID, &m.Owner, &m.ProxyUser, &m.Kind, &m.EffectiveScType)
	for _, t := range []*timetypes.RFC3339{&m.CreateTime, &m.UpdateTime} {
		if t.IsUnknown() {
			*t = timetypes.NewRFC3339Null()
		}
	}
	if m.Duration.IsUnknown() {
		m.Duration = types.Int64Null()
	}
	if m.LogTail.IsUnknown() {
		m.LogTail = types.ListNull(types.StringType)
	}
	return m
}

func batchResourcesFrom(ctx context.Context, l types.List, diags *diag.Diagnostics) []client.BatchResource {
	if !flex.IsKnown(l) {
		return nil
	}
	var items []batchResourceModel
	diags.Append(l.ElementsAs(ctx, &items, false)...)
	out := make([]client.BatchResource, 0, len(items))
	for _, it := range items {
		out = append(out, client.BatchResource{Name: it.Name.ValueString(), Type: it.Type.ValueString()})
	}
	return out
}

// batchOptional is v, or null when v is empty (unless prior holds the empty string).
func batchOptional(v string, prior types.String) types.String {
	if v == "" && (!flex.IsKnown(prior) || prior.ValueString() != "") {
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
	if len(elems) == 0 && !flex.IsKnown(prior) {
		return types.ListNull(elemType)
	}
	return types.ListValueMust(elemType, elems)
}

// batchConf turns the conf object into a map of strings (non-string values as JSON); an
// empty conf is null unless prior is non-null.
func batchConf(conf map[string]any, prior types.Map) types.Map {
	if len(conf) == 0 && !flex.IsKnown(prior) {
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
