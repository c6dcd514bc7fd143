package resources

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/flex"
)

var (
	_ resource.Resource                = (*dliAgencyResource)(nil)
	_ resource.ResourceWithConfigure   = (*dliAgencyResource)(nil)
	_ resource.ResourceWithImportState = (*dliAgencyResource)(nil)
)

// agencyID is the fixed id of the project's one DLI agency (the incumbent provider's).
const agencyID = "dli_admin_agency"

// agencyRoles are the roles DLI's agency accepts (dli-sdk-extras.md section 4.1).
var agencyRoles = []string{"obs_adm", "dis_adm", "ctable_adm", "vpc_netadm", "smn_adm", "te_admin"}

// NewDLIAgency returns the huaweidata_dli_agency resource.
func NewDLIAgency() resource.Resource {
	return &dliAgencyResource{ResourceBase: framework.NewResourceBase("dli_agency", framework.Timeouts{})}
}

type dliAgencyResource struct {
	framework.ResourceBase
	framework.PlansUnchangedAsPrior
}

func (r *dliAgencyResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The roles of the project's DLI service agency, which lets DLI reach other services on the project's behalf " +
			"(OBS, DIS, CloudTable, VPC, SMN, TE). There is **one agency per project**: declare this resource once per project (provider configuration). " +
			"Creating it gives the agency exactly the configured roles, replacing any roles it had (granted in the console or by another configuration). " +
			"Destroying it removes **all** roles from the agency (DLI has no delete: the provider sets an empty role list), so jobs that need DLI to reach those services stop working until roles are granted again.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "Always `" + agencyID + "`.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"roles": schema.SetAttribute{
				MarkdownDescription: "Roles of the agency, at least one of `obs_adm` (OBS), `dis_adm` (DIS), `ctable_adm` (CloudTable), `vpc_netadm` (VPC, for enhanced connections), `smn_adm` (SMN) and `te_admin` (Tenant Administrator). Updated in place (the set replaces the agency's roles).",
				ElementType:         types.StringType,
				Required:            true,
				Validators: []validator.Set{
					setvalidator.SizeAtLeast(1),
					setvalidator.ValueStringsAre(stringvalidator.OneOf(agencyRoles...)),
				},
			},
			"version": schema.StringAttribute{
				MarkdownDescription: "Version of the agency, as DLI reports it.",
				Computed:            true,
			},
		},
	}
}

func (r *dliAgencyResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	r.write(ctx, req.Plan.Get, &resp.State, resp.Private, &resp.Diagnostics, "Creating")
}

func (r *dliAgencyResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	framework.ReadOrRemove(ctx, &r.ResourceBase, req, resp, r.readInto)
}

// readInto refreshes m from ShowDliAgency; an agency without roles counts as gone.
func (r *dliAgencyResource) readInto(ctx context.Context, m *dliAgencyModel, diags *diag.Diagnostics) bool {
	a, err := r.Client.ShowDliAgency(ctx)
	if err != nil {
		framework.APIError(diags, "Reading the DLI agency", err)
		return false
	}
	if len(a.Roles) == 0 {
		return false
	}
	roles, d := types.SetValueFrom(ctx, types.StringType, a.Roles)
	diags.Append(d...)
	m.ID, m.Roles, m.Version = types.StringValue(agencyID), roles, flex.StringOrNull(a.Version)
	return !diags.HasError()
}

func (r *dliAgencyResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	r.write(ctx, req.Plan.Get, &resp.State, resp.Private, &resp.Diagnostics, "Updating")
}

// write gives the agency the planned roles and reads it back.
func (r *dliAgencyResource) write(ctx context.Context, getPlan func(context.Context, any) diag.Diagnostics,
	state stateSetter, private privateState, diags *diag.Diagnostics, verb string) {
	var plan dliAgencyModel
	diags.Append(getPlan(ctx, &plan)...)
	roles, d := flex.StringSet(ctx, plan.Roles)
	diags.Append(d...)
	if diags.HasError() {
		return
	}
	if err := r.Client.SetDliAgencyRoles(ctx, roles); err != nil {
		framework.APIError(diags, verb+" the DLI agency", err)
		return
	}
	plan.ID = types.StringValue(agencyID)
	flex.UnknownToNull(&plan.Version)
	diags.Append(state.Set(ctx, plan)...)
	framework.MarkWritten(ctx, private, diags)
	if framework.ReadBack(ctx, &r.ResourceBase, &plan, r.readInto, "The DLI agency", diags) {
		diags.Append(state.Set(ctx, plan)...)
	}
}

// Delete removes every role from the agency: DLI has no API to delete it.
func (r *dliAgencyResource) Delete(ctx context.Context, _ resource.DeleteRequest, resp *resource.DeleteResponse) {
	if err := r.Client.SetDliAgencyRoles(ctx, nil); err != nil {
		framework.APIError(&resp.Diagnostics, "Removing the roles of the DLI agency", err)
	}
}

// ImportState imports the project's agency; its id is always dli_admin_agency.
func (r *dliAgencyResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if req.ID != agencyID {
		resp.Diagnostics.AddError("Invalid import id", fmt.Sprintf(
			"The DLI agency is one per project and is imported as `%s`, e.g. `terraform import huaweidata_dli_agency.this %s`; got %q.", agencyID, agencyID, req.ID))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), agencyID)...)
}

// dliAgencyModel is the Terraform state of huaweidata_dli_agency.
type dliAgencyModel struct {
	ID      types.String `tfsdk:"id"`
	Roles   types.Set    `tfsdk:"roles"`
	Version types.String `tfsdk:"version"`
}

// stateSetter is the part of a response's state that write needs (Create and Update share it).
type stateSetter interface {
	Set(ctx context.Context, val any) diag.Diagnostics
}

// privateState is the part of a response's private state that framework.MarkWritten needs.
type privateState interface {
	SetKey(ctx context.Context, key string, value []byte) diag.Diagnostics
}
