package resources

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/mapplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/flex"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

var (
	_ resource.Resource                = (*dliFlinkTemplateResource)(nil)
	_ resource.ResourceWithConfigure   = (*dliFlinkTemplateResource)(nil)
	_ resource.ResourceWithImportState = (*dliFlinkTemplateResource)(nil)
)

// flinkTemplateSQLMax is the longest sql_body a template is created with (§11.1).
const flinkTemplateSQLMax = 2048

// NewDLIFlinkTemplate returns the huaweidata_dli_flink_template resource.
func NewDLIFlinkTemplate() resource.Resource {
	return &dliFlinkTemplateResource{ResourceBase: framework.NewResourceBase("dli_flink_template", framework.Timeouts{})}
}

type dliFlinkTemplateResource struct {
	framework.ResourceBase
	framework.PlansUnchangedAsPrior
}

// dliFlinkTemplateModel is the Terraform state of huaweidata_dli_flink_template.
type dliFlinkTemplateModel struct {
	ID          types.String      `tfsdk:"id"`
	TemplateID  types.Int64       `tfsdk:"template_id"`
	Name        types.String      `tfsdk:"name"`
	Description types.String      `tfsdk:"description"`
	SQL         types.String      `tfsdk:"sql"`
	Type        types.String      `tfsdk:"type"`
	Tags        types.Map         `tfsdk:"tags"`
	CreateTime  timetypes.RFC3339 `tfsdk:"create_time"`
}

func (r *dliFlinkTemplateResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	const inPlace = " Updated in place."
	resp.Schema = schema.Schema{
		MarkdownDescription: "A DLI Flink SQL job template (§11): reusable Stream SQL that Flink SQL jobs can start from. " +
			"Name, description and SQL are updated in place; a template can be deleted while jobs use it (they keep their own " +
			"copy of the SQL). A project holds at most 100 templates. DLI reads templates only by listing them, so a refresh " +
			"of any number of templates costs one paged list.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The template id (a number, as a string).",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"template_id": schema.Int64Attribute{
				MarkdownDescription: "The template id.",
				Computed:            true,
				PlanModifiers:       []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "Template name, 1 to 57 characters; names need not be unique." + inPlace,
				Required:            true,
				Validators:          []validator.String{stringvalidator.UTF8LengthBetween(1, 57)},
			},
			"description": schema.StringAttribute{
				MarkdownDescription: "Description, at most 512 characters. Defaults to empty." + inPlace,
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString(""),
				Validators:          []validator.String{stringvalidator.UTF8LengthAtMost(512)},
			},
			"sql": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("The Stream SQL of the template (typically a source, a query and a sink), "+
					"at most %d characters. Defaults to empty.", flinkTemplateSQLMax) + inPlace,
				Optional:   true,
				Computed:   true,
				Default:    stringdefault.StaticString(""),
				Validators: []validator.String{stringvalidator.LengthAtMost(flinkTemplateSQLMax)},
			},
			"type": schema.StringAttribute{
				MarkdownDescription: "Job type of the template: `flink_sql_job` (default) or `flink_opensource_sql_job`. " +
					"Changing it replaces the template.",
				Optional:      true,
				Computed:      true,
				Default:       stringdefault.StaticString(flinkDefaultJobType),
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Validators:    []validator.String{stringvalidator.OneOf("flink_sql_job", "flink_opensource_sql_job")},
			},
			"tags": schema.MapAttribute{
				MarkdownDescription: "Template tags (key 1 to 128 characters, value 1 to 255). DLI sets them at creation only and " +
					"does not return them, so they are not refreshed or imported. Changing them replaces the template.",
				Optional:      true,
				ElementType:   types.StringType,
				PlanModifiers: []planmodifier.Map{mapplanmodifier.RequiresReplace()},
				Validators: []validator.Map{
					mapvalidator.KeysAre(stringvalidator.UTF8LengthBetween(1, 128)),
					mapvalidator.ValueStringsAre(stringvalidator.UTF8LengthBetween(1, 255)),
				},
			},
			"create_time": schema.StringAttribute{
				MarkdownDescription: "When the template was created (RFC 3339, UTC).",
				Computed:            true,
				CustomType:          timetypes.RFC3339Type{},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
		},
	}
}

func (r *dliFlinkTemplateResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan dliFlinkTemplateModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	body := &model.CreateFlinkSqlJobTemplateRequestBody{
		Name: plan.Name.ValueString(), Desc: flex.StringPointer(plan.Description), SqlBody: flex.StringPointer(plan.SQL),
		Tags: flex.TagsPointer(ctx, plan.Tags, &resp.Diagnostics),
	}
	if resp.Diagnostics.HasError() {
		return
	}
	if plan.Type.ValueString() == "flink_opensource_sql_job" {
		body.JobType = ptr.Of(model.GetCreateFlinkSqlJobTemplateRequestBodyJobTypeEnum().FLINK_OPENSOURCE_SQL_JOB)
	}
	id, err := r.Client.CreateFlinkTemplate(ctx, body)
	if err != nil {
		framework.APIError(&resp.Diagnostics, "Creating DLI Flink job template "+body.Name, err)
		return
	}
	plan.ID, plan.TemplateID = types.StringValue(strconv.FormatInt(id, 10)), types.Int64Value(id)
	plan.CreateTime = timetypes.NewRFC3339Null()
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	framework.MarkWritten(ctx, resp.Private, &resp.Diagnostics)
	if framework.ReadBack(ctx, &r.ResourceBase, &plan, r.readInto, "DLI Flink job template "+plan.ID.ValueString(), &resp.Diagnostics) {
		resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	}
}

func (r *dliFlinkTemplateResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	framework.ReadOrRemove(ctx, &r.ResourceBase, req, resp, r.readInto)
}

// readInto refreshes m from the shared template listing; it reports false when the
// template is gone.
func (r *dliFlinkTemplateResource) readInto(ctx context.Context, m *dliFlinkTemplateModel, diags *diag.Diagnostics) bool {
	id, err := strconv.ParseInt(m.ID.ValueString(), 10, 64)
	if err != nil {
		diags.AddError("Invalid template id in state", fmt.Sprintf("The id %q of the Flink job template is not a number.", m.ID.ValueString()))
		return false
	}
	t, err := r.Client.GetFlinkTemplate(ctx, id)
	if client.IsNotFound(err) {
		return false
	}
	if err != nil {
		framework.APIError(diags, "Reading DLI Flink job template "+m.ID.ValueString(), err)
		return false
	}
	m.TemplateID = types.Int64Value(id)
	m.Name = types.StringValue(ptr.Deref(t.Name))
	m.Description = types.StringValue(ptr.Deref(t.Desc))
	m.SQL = types.StringValue(ptr.Deref(t.SqlBody))
	m.Type = types.StringValue(ptr.Deref(t.JobType))
	if m.Type.ValueString() == "" {
		m.Type = types.StringValue(flinkDefaultJobType)
	}
	m.CreateTime = flex.RFC3339FromMillis(ptr.Deref(t.CreateTime))
	if m.Tags.IsUnknown() {
		m.Tags = types.MapNull(types.StringType)
	}
	return true
}

func (r *dliFlinkTemplateResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state dliFlinkTemplateModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var u flinkChange
	var body model.UpdateFlinkSqlJobTemplateRequestBody
	setIfChanged(&u, "name", &body.Name, plan.Name, state.Name, flinkInPlace, flex.StringPointer)
	setIfChanged(&u, "description", &body.Desc, plan.Description, state.Description, flinkInPlace, flex.StringPointer)
	setIfChanged(&u, "sql", &body.SqlBody, plan.SQL, state.SQL, flinkInPlace, flex.StringPointer)
	plan.ID, plan.TemplateID, plan.CreateTime = state.ID, state.TemplateID, state.CreateTime
	if u.changed {
		if err := r.Client.UpdateFlinkTemplate(ctx, state.TemplateID.ValueInt64(), &body); err != nil {
			framework.APIError(&resp.Diagnostics, "Updating DLI Flink job template "+state.ID.ValueString(), err)
			return
		}
		framework.MarkWritten(ctx, resp.Private, &resp.Diagnostics)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *dliFlinkTemplateResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state dliFlinkTemplateModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.Client.DeleteFlinkTemplate(ctx, state.TemplateID.ValueInt64()); err != nil {
		framework.APIError(&resp.Diagnostics, "Deleting DLI Flink job template "+state.ID.ValueString(), err)
	}
}

// ImportState imports a template by its numeric id.
func (r *dliFlinkTemplateResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id, err := strconv.ParseInt(strings.TrimSpace(req.ID), 10, 64)
	if err != nil || id <= 0 {
		resp.Diagnostics.AddError("Invalid import id", fmt.Sprintf(
			"Import a DLI Flink job template by its numeric template id, e.g. `terraform import huaweidata_dli_flink_template.example 12`; got %q.", req.ID))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), strconv.FormatInt(id, 10))...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("template_id"), id)...)
}
