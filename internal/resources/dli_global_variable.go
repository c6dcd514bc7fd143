package resources

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

var (
	_ resource.Resource                     = (*dliGlobalVariableResource)(nil)
	_ resource.ResourceWithConfigure        = (*dliGlobalVariableResource)(nil)
	_ resource.ResourceWithConfigValidators = (*dliGlobalVariableResource)(nil)
	_ resource.ResourceWithImportState      = (*dliGlobalVariableResource)(nil)
	_ resource.ResourceWithModifyPlan       = (*dliGlobalVariableResource)(nil)
)

// maskedValue is what DLI returns instead of the value of a sensitive variable.
const maskedValue = "******"

// NewDLIGlobalVariable returns the huaweidata_dli_global_variable resource.
func NewDLIGlobalVariable() resource.Resource {
	return &dliGlobalVariableResource{ResourceBase: framework.NewResourceBase("dli_global_variable", framework.Timeouts{})}
}

type dliGlobalVariableResource struct {
	framework.ResourceBase
}

func (r *dliGlobalVariableResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A DLI global variable, usable in SQL and Flink jobs as `{{name}}`. " +
			"Set one of `value` (stored in state, marked sensitive) and `value_wo` " +
			"(write-only: never stored in state or plan; Terraform 1.11 or later) to create a variable. " +
			"A configuration that sets neither (for example one written by `terraform plan -generate-config-out` for an imported variable) " +
			"leaves the variable's value as it is. " +
			"DLI does not return the value of a sensitive variable, so changes made to it outside Terraform are not detected.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The variable name.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "Variable name: 1 to 128 characters, letters, digits and underscores, not only digits, not starting with an underscore. Changing it replaces the variable.",
				Required:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Validators:          []validator.String{validators.VariableName()},
			},
			"value": schema.StringAttribute{
				MarkdownDescription: "Value of the variable, not empty. Stored in state (marked sensitive). Updated in place. Conflicts with `value_wo`; when neither is set, an existing variable keeps its value.",
				Optional:            true,
				Computed:            true,
				Sensitive:           true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"value_wo": schema.StringAttribute{
				MarkdownDescription: "Value of the variable, not empty, write-only: sent to DLI but never stored in plan or state. " +
					"Requires Terraform 1.11 or later. Change `value_wo_version` to send a new value. Conflicts with `value`.",
				Optional:   true,
				Sensitive:  true,
				WriteOnly:  true,
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"value_wo_version": schema.Int64Attribute{
				MarkdownDescription: "Version of `value_wo`: any change sends the current `value_wo` to DLI (in place).",
				Optional:            true,
				Validators: []validator.Int64{
					int64validator.AlsoRequires(path.MatchRoot("value_wo")),
				},
			},
			"is_sensitive": schema.BoolAttribute{
				MarkdownDescription: "Whether DLI treats the variable as sensitive and hides its value. Defaults to `false`. Changing it replaces the variable (DLI cannot change it).",
				Optional:            true,
				Computed:            true,
				Default:             booldefault.StaticBool(false),
				PlanModifiers:       []planmodifier.Bool{boolplanmodifier.RequiresReplace()},
			},
		},
	}
}

func (r *dliGlobalVariableResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{
		resourcevalidator.Conflicting(path.MatchRoot("value"), path.MatchRoot("value_wo")),
	}
}

// ModifyPlan requires a value to create a variable. An existing variable whose
// configuration sets neither `value` nor `value_wo` (as `terraform plan
// -generate-config-out` writes it, since the value is sensitive) keeps its value: the plan
// leaves it as it is.
// PriorIsUnchangedPlan reports whether ModifyPlan leaves an unchanged variable as it is: it
// plans value null only when the configuration switches to value_wo.
func (r *dliGlobalVariableResource) PriorIsUnchangedPlan(prior, config tftypes.Value) bool {
	var p, c map[string]tftypes.Value
	if prior.As(&p) != nil || config.As(&c) != nil {
		return false
	}
	return !c["value"].IsNull() || c["value_wo"].IsNull() || p["value"].IsNull()
}

func (r *dliGlobalVariableResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return // destroy
	}
	var value, valueWO types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("value"), &value)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("value_wo"), &valueWO)...)
	if resp.Diagnostics.HasError() || !value.IsNull() {
		return
	}
	if !valueWO.IsNull() { // the value is write-only: none in state
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("value"), types.StringNull())...)
		return
	}
	if req.State.Raw.IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root("value"), "Missing variable value",
			"Set `value` or `value_wo` to create a DLI global variable.")
		return
	}
	var kept types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("value"), &kept)...)
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("value"), kept)...)
}

func (r *dliGlobalVariableResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan dliGlobalVariableModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	value, diags := valueToSend(ctx, plan, req.Config.GetAttribute)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := plan.Name.ValueString()
	err := r.Client.CreateGlobalVariable(ctx, &model.CreateGlobalVariableRequestBody{
		VarName:     name,
		VarValue:    value,
		IsSensitive: plan.IsSensitive.ValueBoolPointer(),
	})
	if err != nil {
		framework.APIError(&resp.Diagnostics, "Creating DLI global variable "+name, err)
		return
	}
	plan.ID = types.StringValue(name)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	// The plan holds every attribute, so there is nothing to read back: reading the
	// variable list (there is no GET by name) after each create would cost O(N) calls per
	// variable in an apply of many. A refresh in the consistency window is covered by
	// MarkWritten.
	framework.MarkWritten(ctx, resp.Private, &resp.Diagnostics)
}

func (r *dliGlobalVariableResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	framework.ReadOrRemove(ctx, &r.ResourceBase, req, resp, r.readInto)
}

// readInto refreshes m from the shared variable listing; it reports false when the variable is gone.
func (r *dliGlobalVariableResource) readInto(ctx context.Context, m *dliGlobalVariableModel, diags *diag.Diagnostics) bool {
	name := m.Name.ValueString()
	v, err := r.Client.GetGlobalVariable(ctx, name)
	if !framework.Found(diags, "Reading DLI global variable "+name, err) {
		return false
	}
	m.ID = types.StringValue(name)
	m.IsSensitive = types.BoolValue(ptr.Deref(v.IsSensitive))
	// Only a value DLI really returns can show drift: a masked one, or one set through the
	// write-only argument (value stays null), keeps what the state has.
	if apiValue, ok := visibleValue(v); ok && !m.Value.IsNull() {
		m.Value = types.StringValue(apiValue)
	}
	return true
}

func (r *dliGlobalVariableResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state dliGlobalVariableModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	value, diags := valueToSend(ctx, plan, req.Config.GetAttribute)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	changed := !plan.Value.Equal(state.Value) || !plan.ValueWOVersion.Equal(state.ValueWOVersion)
	name := state.Name.ValueString()
	if changed {
		if err := r.Client.UpdateGlobalVariable(ctx, name, value); err != nil {
			framework.APIError(&resp.Diagnostics, "Updating DLI global variable "+name, err)
			return
		}
	}
	plan.ID = state.ID
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	if changed {
		framework.MarkWritten(ctx, resp.Private, &resp.Diagnostics)
	}
}

func (r *dliGlobalVariableResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state dliGlobalVariableModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.Client.DeleteGlobalVariable(ctx, state.Name.ValueString()); err != nil {
		framework.APIError(&resp.Diagnostics, "Deleting DLI global variable "+state.Name.ValueString(), err)
	}
}

// ImportState imports a variable by name. The value of a non-sensitive variable is imported
// into `value`; a sensitive one's value cannot be read back and stays empty.
func (r *dliGlobalVariableResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if !framework.Accepts(ctx, validators.VariableName(), "name", req.ID) {
		resp.Diagnostics.AddError("Invalid import id", fmt.Sprintf(
			"Import a DLI global variable by its name, e.g. `terraform import huaweidata_dli_global_variable.example my_variable`; got %q.", req.ID))
		return
	}
	v, err := r.Client.GetGlobalVariable(ctx, req.ID)
	if err != nil {
		framework.APIError(&resp.Diagnostics, "Importing DLI global variable "+req.ID, err)
		return
	}
	state := dliGlobalVariableModel{
		ID:             types.StringValue(req.ID),
		Name:           types.StringValue(req.ID),
		Value:          types.StringNull(),
		ValueWO:        types.StringNull(),
		ValueWOVersion: types.Int64Null(),
		IsSensitive:    types.BoolValue(ptr.Deref(v.IsSensitive)),
	}
	if apiValue, ok := visibleValue(v); ok {
		state.Value = types.StringValue(apiValue)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

// dliGlobalVariableModel is the Terraform state of huaweidata_dli_global_variable.
type dliGlobalVariableModel struct {
	ID             types.String `tfsdk:"id"`
	Name           types.String `tfsdk:"name"`
	Value          types.String `tfsdk:"value"`
	ValueWO        types.String `tfsdk:"value_wo"`
	ValueWOVersion types.Int64  `tfsdk:"value_wo_version"`
	IsSensitive    types.Bool   `tfsdk:"is_sensitive"`
}

// valueToSend is `value` from the plan, or else the write-only `value_wo`, which only the
// configuration carries.
func valueToSend(ctx context.Context, plan dliGlobalVariableModel,
	getConfig func(context.Context, path.Path, any) diag.Diagnostics) (string, diag.Diagnostics) {
	if !plan.Value.IsNull() {
		return plan.Value.ValueString(), nil
	}
	var wo types.String
	diags := getConfig(ctx, path.Root("value_wo"), &wo)
	return wo.ValueString(), diags
}

// visibleValue returns the variable's value unless DLI hid it.
func visibleValue(v *model.GlobalVariable) (string, bool) {
	if ptr.Deref(v.IsSensitive) || ptr.Deref(v.VarValue) == maskedValue {
		return "", false
	}
	return ptr.Deref(v.VarValue), true
}
