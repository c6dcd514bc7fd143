package resources

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

var (
	_ resource.Resource                = (*dliSQLTemplateResource)(nil)
	_ resource.ResourceWithConfigure   = (*dliSQLTemplateResource)(nil)
	_ resource.ResourceWithImportState = (*dliSQLTemplateResource)(nil)
)

// templateNameMax is the longest template name DLI accepts.
const templateNameMax = 64

// NewDLISQLTemplate returns the huaweidata_dli_sql_template resource.
func NewDLISQLTemplate() resource.Resource {
	return &dliSQLTemplateResource{ResourceBase: framework.NewResourceBase("dli_sql_template", framework.Timeouts{})}
}

type dliSQLTemplateResource struct {
	framework.ResourceBase
	framework.PlansUnchangedAsPrior
}

// templateNameAttribute is the name of a template, unique per template kind.
func templateNameAttribute() schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: fmt.Sprintf("Template name, 1 to %d characters, unique among the project's templates of this kind. Updated in place.", templateNameMax),
		Required:            true,
		Validators:          []validator.String{stringvalidator.UTF8LengthBetween(1, templateNameMax), validators.NotBlank()},
	}
}

// templateTextAttribute is an optional description or group of a template ("" when unset).
func templateTextAttribute(desc string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: desc + " Defaults to empty. Updated in place.",
		Optional:            true,
		Computed:            true,
		Default:             stringdefault.StaticString(""),
	}
}

func (r *dliSQLTemplateResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A saved SQL statement in DLI's SQL editor (an SQL job template). Every argument is updated in place. " +
			"Refreshing many templates costs one list call: DLI can only list them.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The template id (`sql_id`).",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name": templateNameAttribute(),
			"sql": schema.StringAttribute{
				MarkdownDescription: "The SQL text of the template (not checked: a template may hold a draft). Updated in place.",
				Required:            true,
				Validators:          []validator.String{validators.NotBlank(), stringvalidator.LengthAtLeast(1)},
			},
			"description": templateTextAttribute("Description of the template."),
			"group":       templateTextAttribute("Group the template is filed under in the console."),
		},
	}
}

func (r *dliSQLTemplateResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan dliSQLTemplateModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id, err := r.Client.CreateSQLTemplate(ctx, &model.CreateSqlJobTemplateRequestBody{
		SqlName: plan.Name.ValueString(), Sql: plan.SQL.ValueString(),
		Description: plan.Description.ValueStringPointer(), Group: plan.Group.ValueStringPointer(),
	})
	if err != nil {
		framework.APIError(&resp.Diagnostics, "Creating DLI SQL template "+plan.Name.ValueString(), err)
		return
	}
	plan.ID = types.StringValue(id)
	// The plan holds every attribute: reading the template list back after each create would
	// cost a list call per template in an apply of many. A refresh within the consistency
	// window is covered by MarkWritten.
	framework.SaveWritten(ctx, &resp.State, resp.Private, plan, &resp.Diagnostics)
}

func (r *dliSQLTemplateResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	framework.ReadOrRemove(ctx, &r.ResourceBase, req, resp, r.readInto)
}

// readInto refreshes m from the shared template listing; it reports false when the template is gone.
func (r *dliSQLTemplateResource) readInto(ctx context.Context, m *dliSQLTemplateModel, diags *diag.Diagnostics) bool {
	id := m.ID.ValueString()
	t, err := r.Client.GetSQLTemplate(ctx, id)
	if !framework.Found(diags, "Reading DLI SQL template "+id, err) {
		return false
	}
	m.Name = types.StringValue(ptr.Deref(t.SqlName))
	m.SQL = types.StringValue(ptr.Deref(t.Sql))
	m.Description = types.StringValue(ptr.Deref(t.Description))
	m.Group = types.StringValue(ptr.Deref(t.Group))
	return true
}

func (r *dliSQLTemplateResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state dliSQLTemplateModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	err := r.Client.UpdateSQLTemplate(ctx, id, &model.UpdateSqlJobTemplateRequestBody{
		SqlName: plan.Name.ValueStringPointer(), Sql: plan.SQL.ValueStringPointer(),
		Description: plan.Description.ValueStringPointer(), Group: plan.Group.ValueStringPointer(),
	})
	if err != nil {
		framework.APIError(&resp.Diagnostics, "Updating DLI SQL template "+id, err)
		return
	}
	framework.MarkWritten(ctx, resp.Private, &resp.Diagnostics)
	framework.SaveReadBack(ctx, &r.ResourceBase, &plan, r.readInto, "DLI SQL template "+id, &resp.State, &resp.Diagnostics)
}

func (r *dliSQLTemplateResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	deleteTemplate(ctx, r.Client, "DLI SQL template", req, resp)
}

// ImportState imports a template by its id (sql_id).
func (r *dliSQLTemplateResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importTemplate(ctx, "DLI SQL template by its id (sql_id)", "huaweidata_dli_sql_template.example 2f3a…", req, resp)
}

// dliSQLTemplateModel is the huaweidata_dli_sql_template state.
type dliSQLTemplateModel struct {
	ID          types.String `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	SQL         types.String `tfsdk:"sql"`
	Description types.String `tfsdk:"description"`
	Group       types.String `tfsdk:"group"`
}
