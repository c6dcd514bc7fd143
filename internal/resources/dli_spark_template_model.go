package resources

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/flex"
)

// dliSparkTemplateModel is the huaweidata_dli_spark_template state.
type dliSparkTemplateModel struct {
	ID          types.String            `tfsdk:"id"`
	Name        types.String            `tfsdk:"name"`
	Description types.String            `tfsdk:"description"`
	Group       types.String            `tfsdk:"group"`
	Language    types.String            `tfsdk:"language"`
	Owner       types.String            `tfsdk:"owner"`
	Body        *sparkTemplateBodyModel `tfsdk:"body"`
}

// sparkTemplateBodyModel is the template's Spark job (§5.2).
type sparkTemplateBodyModel struct {
	File           types.String `tfsdk:"file"`
	ClassName      types.String `tfsdk:"class_name"`
	QueueName      types.String `tfsdk:"queue_name"`
	JobName        types.String `tfsdk:"job_name"`
	Args           types.List   `tfsdk:"args"`
	Jars           types.List   `tfsdk:"jars"`
	PythonFiles    types.List   `tfsdk:"python_files"`
	Files          types.List   `tfsdk:"files"`
	Modules        types.List   `tfsdk:"modules"`
	Conf           types.Map    `tfsdk:"conf"`
	ScType         types.String `tfsdk:"sc_type"`
	DriverMemory   types.String `tfsdk:"driver_memory"`
	DriverCores    types.Int32  `tfsdk:"driver_cores"`
	ExecutorMemory types.String `tfsdk:"executor_memory"`
	ExecutorCores  types.Int32  `tfsdk:"executor_cores"`
	NumExecutors   types.Int32  `tfsdk:"num_executors"`
	Feature        types.String `tfsdk:"feature"`
	SparkVersion   types.String `tfsdk:"spark_version"`
	Image          types.String `tfsdk:"image"`
	AutoRecovery   types.Bool   `tfsdk:"auto_recovery"`
	MaxRetryTimes  types.Int32  `tfsdk:"max_retry_times"`
	ObsBucket      types.String `tfsdk:"obs_bucket"`
	CatalogName    types.String `tfsdk:"catalog_name"`
}

// spec maps the plan to the §5.1/§5.5 request.
func (m dliSparkTemplateModel) spec(ctx context.Context, diags *diag.Diagnostics) client.SparkTemplateSpec {
	b := m.Body
	strs := func(l types.List) []string { return flex.StringList(ctx, l, diags) }
	body := client.SparkJobBody{
		File: b.File.ValueString(), ClassName: b.ClassName.ValueString(), Queue: flex.StringPointer(b.QueueName),
		Name: flex.StringPointer(b.JobName), Args: strs(b.Args), Jars: strs(b.Jars), PyFiles: strs(b.PythonFiles),
		Files: strs(b.Files), Modules: strs(b.Modules), ScType: flex.StringPointer(b.ScType),
		DriverMemory: flex.StringPointer(b.DriverMemory), DriverCores: flex.Int32Pointer(b.DriverCores),
		ExecutorMemory: flex.StringPointer(b.ExecutorMemory), ExecutorCores: flex.Int32Pointer(b.ExecutorCores),
		NumExecutors: flex.Int32Pointer(b.NumExecutors), Feature: flex.StringPointer(b.Feature),
		SparkVersion: flex.StringPointer(b.SparkVersion), Image: flex.StringPointer(b.Image),
		AutoRecovery: flex.BoolPointer(b.AutoRecovery), MaxRetryTimes: flex.Int32Pointer(b.MaxRetryTimes),
		ObsBucket: flex.StringPointer(b.ObsBucket), CatalogName: flex.StringPointer(b.CatalogName),
	}
	if flex.IsKnown(b.Conf) {
		var conf map[string]string
		diags.Append(b.Conf.ElementsAs(ctx, &conf, false)...)
		body.Conf = make(map[string]any, len(conf))
		for k, v := range conf {
			body.Conf[k] = v
		}
	}
	return client.SparkTemplateSpec{
		Name: m.Name.ValueString(), Group: m.Group.ValueString(), Description: m.Description.ValueString(),
		Language: m.Language.ValueString(), Body: body,
	}
}

// fromTemplate copies what §5.4 returns; unset body fields are null.
func (m *dliSparkTemplateModel) fromTemplate(ctx context.Context, t *client.SparkTemplate, diags *diag.Diagnostics) {
	m.ID = types.StringValue(t.ID)
	m.Name = types.StringValue(t.Name)
	m.Description = types.StringValue(t.Description)
	m.Group = types.StringValue(t.Group)
	m.Language = types.StringValue(t.Language)
	m.Owner = types.StringValue(t.Owner)
	b := t.Body
	list := func(v []string) types.List {
		if len(v) == 0 {
			return types.ListNull(types.StringType)
		}
		l, d := types.ListValueFrom(ctx, types.StringType, v)
		diags.Append(d...)
		return l
	}
	conf := types.MapNull(types.StringType)
	if len(b.Conf) > 0 {
		values := make(map[string]string, len(b.Conf))
		for k, v := range b.Conf {
			if s, ok := v.(string); ok {
				values[k] = s
			} else {
				values[k] = fmt.Sprint(v) // a number or boolean set by another client
			}
		}
		var d diag.Diagnostics
		conf, d = types.MapValueFrom(ctx, types.StringType, values)
		diags.Append(d...)
	}
	m.Body = &sparkTemplateBodyModel{
		File: types.StringValue(b.File), ClassName: flex.StringOrNull(b.ClassName), QueueName: types.StringPointerValue(b.Queue),
		JobName: types.StringPointerValue(b.Name), Args: list(b.Args), Jars: list(b.Jars), PythonFiles: list(b.PyFiles),
		Files: list(b.Files), Modules: list(b.Modules), Conf: conf, ScType: types.StringPointerValue(b.ScType),
		DriverMemory: types.StringPointerValue(b.DriverMemory), DriverCores: types.Int32PointerValue(b.DriverCores),
		ExecutorMemory: types.StringPointerValue(b.ExecutorMemory), ExecutorCores: types.Int32PointerValue(b.ExecutorCores),
		NumExecutors: types.Int32PointerValue(b.NumExecutors), Feature: types.StringPointerValue(b.Feature),
		SparkVersion: types.StringPointerValue(b.SparkVersion), Image: types.StringPointerValue(b.Image),
		AutoRecovery: types.BoolPointerValue(b.AutoRecovery), MaxRetryTimes: types.Int32PointerValue(b.MaxRetryTimes),
		ObsBucket: types.StringPointerValue(b.ObsBucket), CatalogName: types.StringPointerValue(b.CatalogName),
	}
}
