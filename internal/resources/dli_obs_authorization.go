package resources

import (
	"context"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/flex"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
)

var (
	_ resource.Resource                = (*dliOBSAuthorizationResource)(nil)
	_ resource.ResourceWithConfigure   = (*dliOBSAuthorizationResource)(nil)
	_ resource.ResourceWithImportState = (*dliOBSAuthorizationResource)(nil)
)

// NewDLIOBSAuthorization returns the huaweidata_dli_obs_authorization resource.
func NewDLIOBSAuthorization() resource.Resource {
	return &dliOBSAuthorizationResource{ResourceBase: framework.NewResourceBase("dli_obs_authorization", framework.Timeouts{})}
}

type dliOBSAuthorizationResource struct {
	framework.ResourceBase
	framework.PlansUnchangedAsPrior
}

// revokeWarning says what removing a bucket (or the resource) does not do.
const revokeWarning = "DLI has no API to revoke the authorisation of an OBS bucket: the buckets removed from this resource stay authorised " +
	"in DLI and are only dropped from the Terraform state. Revoke them in the DLI console if they must no longer be used."

func (r *dliOBSAuthorizationResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Authorises DLI to use OBS buckets for Flink job checkpoints and logs (the `obs_bucket` of a Flink job must be authorised first). " +
			"The buckets are a set: adding one authorises it in place. DLI has no API to read or revoke authorisations, so changes made outside " +
			"Terraform are not detected, and removing a bucket, or destroying the resource, leaves it authorised in DLI (the provider warns).",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The authorised buckets, sorted and comma-separated, as when the resource was created or imported.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"obs_buckets": schema.SetAttribute{
				MarkdownDescription: "Names of the OBS buckets to authorise (at least one; 3 to 63 lowercase letters, digits, hyphens and periods). Adding a bucket authorises it in place; removing one does not revoke it.",
				ElementType:         types.StringType,
				Required:            true,
				Validators: []validator.Set{
					setvalidator.SizeAtLeast(1),
					setvalidator.ValueStringsAre(validators.OBSBucketName()),
				},
			},
		},
	}
}

func (r *dliOBSAuthorizationResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan dliOBSAuthorizationModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	buckets, diags := flex.StringSet(ctx, plan.OBSBuckets)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.Client.AuthorizeOBSBuckets(ctx, buckets); err != nil {
		framework.APIError(&resp.Diagnostics, "Authorising OBS buckets for DLI", err)
		return
	}
	plan.ID = types.StringValue(strings.Join(buckets, ","))
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

// Read keeps the state: DLI has no API that lists authorised buckets.
func (r *dliOBSAuthorizationResource) Read(context.Context, resource.ReadRequest, *resource.ReadResponse) {
}

// Update authorises the buckets added to the set; removed ones cannot be revoked.
func (r *dliOBSAuthorizationResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state dliOBSAuthorizationModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	want, diags := flex.StringSet(ctx, plan.OBSBuckets)
	resp.Diagnostics.Append(diags...)
	had, diags := flex.StringSet(ctx, state.OBSBuckets)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	var added []string
	for _, b := range want {
		if !slices.Contains(had, b) {
			added = append(added, b)
		}
	}
	if len(added) > 0 {
		if err := r.Client.AuthorizeOBSBuckets(ctx, added); err != nil {
			framework.APIError(&resp.Diagnostics, "Authorising OBS buckets for DLI", err)
			return
		}
	}
	if slices.ContainsFunc(had, func(b string) bool { return !slices.Contains(want, b) }) {
		resp.Diagnostics.AddWarning("OBS buckets stay authorised", revokeWarning)
	}
	plan.ID = state.ID
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

// Delete only drops the resource from state, with a warning: there is no revocation.
func (r *dliOBSAuthorizationResource) Delete(_ context.Context, _ resource.DeleteRequest, resp *resource.DeleteResponse) {
	resp.Diagnostics.AddWarning("OBS buckets stay authorised", revokeWarning)
}

// ImportState imports authorised buckets from a comma-separated list of names (DLI cannot
// be asked which buckets are authorised, so the list is taken as given).
func (r *dliOBSAuthorizationResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	var buckets []string
	for _, b := range strings.Split(req.ID, ",") {
		if b = strings.TrimSpace(b); b != "" {
			buckets = append(buckets, b)
		}
	}
	slices.Sort(buckets)
	for _, b := range buckets {
		vresp := &validator.StringResponse{}
		validators.OBSBucketName().ValidateString(ctx, validator.StringRequest{Path: path.Root("obs_buckets"), ConfigValue: types.StringValue(b)}, vresp)
		resp.Diagnostics.Append(vresp.Diagnostics...)
	}
	if len(buckets) == 0 {
		resp.Diagnostics.AddError("Invalid import id",
			"Import OBS bucket authorisations as a comma-separated list of bucket names, e.g. `terraform import huaweidata_dli_obs_authorization.flink flink-logs,flink-checkpoints`.")
	}
	if resp.Diagnostics.HasError() {
		return
	}
	set, diags := types.SetValueFrom(ctx, types.StringType, buckets)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(resp.State.Set(ctx, dliOBSAuthorizationModel{ID: types.StringValue(strings.Join(buckets, ",")), OBSBuckets: set})...)
}

// dliOBSAuthorizationModel is the Terraform state of huaweidata_dli_obs_authorization.
type dliOBSAuthorizationModel struct {
	ID         types.String `tfsdk:"id"`
	OBSBuckets types.Set    `tfsdk:"obs_buckets"`
}
