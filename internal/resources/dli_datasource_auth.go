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
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/flex"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
)

var (
	_ resource.Resource                     = (*dliDatasourceAuthResource)(nil)
	_ resource.ResourceWithConfigure        = (*dliDatasourceAuthResource)(nil)
	_ resource.ResourceWithConfigValidators = (*dliDatasourceAuthResource)(nil)
	_ resource.ResourceWithModifyPlan       = (*dliDatasourceAuthResource)(nil)
	_ resource.ResourceWithImportState      = (*dliDatasourceAuthResource)(nil)
)

// NewDLIDatasourceAuth returns the huaweidata_dli_datasource_auth resource.
func NewDLIDatasourceAuth() resource.Resource {
	return &dliDatasourceAuthResource{ResourceBase: framework.NewResourceBase("dli_datasource_auth", framework.Timeouts{})}
}

type dliDatasourceAuthResource struct {
	framework.ResourceBase
	framework.PlansUnchangedAsPrior
}

func (r *dliDatasourceAuthResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attrs := map[string]schema.Attribute{
		"id": schema.StringAttribute{
			MarkdownDescription: "The authentication name.",
			Computed:            true,
			PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
		"name": schema.StringAttribute{
			MarkdownDescription: "Name of the datasource authentication, which jobs refer to: 1 to 128 characters, letters, digits and underscores, not only digits, not starting with an underscore. Changing it replaces the authentication.",
			Required:            true,
			PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			Validators:          []validator.String{validators.VariableName()},
		},
		"type": schema.StringAttribute{
			MarkdownDescription: "Datasource type, as DLI spells it: `passwd` (user name and password, e.g. RDS, DWS, DCS), `CSS` (CSS security cluster: user name, password and certificate), `KRB` (Kerberos, MRS: krb5.conf and keytab) or `Kafka_SSL` (Kafka with SSL: truststore and/or keystore). Changing it replaces the authentication.",
			Required:            true,
			PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			Validators:          []validator.String{stringvalidator.OneOf(authInfoTypes...)},
		},
		"username": schema.StringAttribute{
			MarkdownDescription: "Login user (types `passwd` and `CSS`, required there; optionally the Kerberos principal for `KRB`). Updated in place.",
			Optional:            true,
			Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
		},
		"certificate_location": schema.StringAttribute{
			MarkdownDescription: "OBS path of the CSS security cluster's `.cer` certificate, `obs://bucket/path/file.cer` (type `CSS`, required there). DLI cannot change it: a change replaces the authentication.",
			Optional:            true,
			PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			Validators:          []validator.String{validators.OBSObjectPath(".cer")},
		},
		"krb5_conf": schema.StringAttribute{
			MarkdownDescription: "OBS path of the `krb5.conf` file, `obs://bucket/path` (type `KRB`, required there). Updated in place.",
			Optional:            true,
			Validators:          []validator.String{validators.OBSObjectPath()},
		},
		"keytab": schema.StringAttribute{
			MarkdownDescription: "OBS path of the keytab file, `obs://bucket/path` (type `KRB`, required there). Updated in place.",
			Optional:            true,
			Validators:          []validator.String{validators.OBSObjectPath()},
		},
		"truststore_location": schema.StringAttribute{
			MarkdownDescription: "OBS path of the truststore, `obs://bucket/path` (type `Kafka_SSL`; it needs this or `keystore_location`). Updated in place.",
			Optional:            true,
			Validators:          []validator.String{validators.OBSObjectPath()},
		},
		"keystore_location": schema.StringAttribute{
			MarkdownDescription: "OBS path of the keystore, `obs://bucket/path` (type `Kafka_SSL`; it needs this or `truststore_location`). Updated in place.",
			Optional:            true,
			Validators:          []validator.String{validators.OBSObjectPath()},
		},
		"owner": schema.StringAttribute{
			MarkdownDescription: "User who created the authentication.",
			Computed:            true,
			PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
	}
	for _, s := range authSecrets {
		addSecretAttributes(attrs, s)
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A DLI datasource authentication: the credentials (passwords, keystores, Kerberos files) that Spark and Flink jobs use to reach Kafka, Redis, DWS, RDS, CSS or MRS, referred to by name. " +
			"Each secret is offered in two forms, and at most one of them may be set (exactly one where the type requires the secret): as a sensitive argument (for example `password`, stored in state, marked sensitive) and as a write-only argument (`password_wo`, sent to DLI but never stored in plan or state; Terraform 1.11 or later) with a version (`password_wo_version`) whose change sends the current value. " +
			"DLI never returns a secret, so a secret changed outside Terraform is not detected, and an imported authentication has no secret in state.",
		Attributes: attrs,
	}
}

// addSecretAttributes adds the sensitive, write-only and version arguments of a secret.
func addSecretAttributes(attrs map[string]schema.Attribute, s authSecret) {
	wo, version := s.attr+"_wo", s.attr+"_wo_version"
	change := "Updated in place."
	var valueMods []planmodifier.String
	var versionMods []planmodifier.Int64
	if !s.updatable {
		change = "A change replaces the authentication (DLI cannot change it), except from no value in state (after an import)."
		valueMods = []planmodifier.String{stringplanmodifier.RequiresReplaceIf(replaceStringUnlessNullInState,
			"DLI cannot change "+s.attr, "DLI cannot change `"+s.attr+"`")}
		versionMods = []planmodifier.Int64{int64planmodifier.RequiresReplaceIf(replaceInt64UnlessNullInState,
			"DLI cannot change "+s.attr, "DLI cannot change `"+s.attr+"`")}
	}
	requires := []validator.String{stringvalidator.LengthAtLeast(1)}
	if s.requires != "" {
		requires = append(requires, stringvalidator.AlsoRequires(path.MatchRoot(s.requires)))
	}
	attrs[s.attr] = schema.StringAttribute{
		MarkdownDescription: s.description + " Stored in state (marked sensitive). " + change + " Conflicts with `" + wo + "`.",
		Optional:            true,
		Sensitive:           true,
		PlanModifiers:       valueMods,
		Validators:          requires,
	}
	attrs[wo] = schema.StringAttribute{
		MarkdownDescription: s.description + " Write-only: sent to DLI but never stored in plan or state; requires Terraform 1.11 or later. " +
			"Change `" + version + "` to send a new value. Conflicts with `" + s.attr + "`.",
		Optional:   true,
		Sensitive:  true,
		WriteOnly:  true,
		Validators: requires,
	}
	attrs[version] = schema.Int64Attribute{
		MarkdownDescription: "Version of `" + wo + "`: any change sends the current `" + wo + "` to DLI. " + change,
		Optional:            true,
		PlanModifiers:       versionMods,
		Validators:          []validator.Int64{int64validator.AlsoRequires(path.MatchRoot(wo))},
	}
}

func (r *dliDatasourceAuthResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	vs := []resource.ConfigValidator{authTypeValidator{}}
	for _, s := range authSecrets {
		vs = append(vs, resourcevalidator.Conflicting(path.MatchRoot(s.attr), path.MatchRoot(s.attr+"_wo")))
	}
	return vs
}

func (r *dliDatasourceAuthResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan dliDatasourceAuthModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	body := plan.createBody(ctx, req.Config.GetAttribute, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	name := plan.Name.ValueString()
	if err := r.Client.CreateAuthInfo(ctx, body); err != nil {
		framework.APIError(&resp.Diagnostics, "Creating DLI datasource authentication "+name, err)
		return
	}
	plan.ID = types.StringValue(name)
	flex.UnknownToNull(&plan.Owner)
	framework.SaveWritten(ctx, &resp.State, resp.Private, plan, &resp.Diagnostics)
	framework.SaveReadBack(ctx, &r.ResourceBase, &plan, r.readWith(r.Client.LookupAuthInfo), "DLI datasource authentication "+name, &resp.State, &resp.Diagnostics)
}

func (r *dliDatasourceAuthResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	framework.ReadOrRemove(ctx, &r.ResourceBase, req, resp, r.readWith(r.Client.GetAuthInfo))
}

// readWith is the read of the authentication named by m's id through get: the shared
// listing (GetAuthInfo) on refresh, one lookup by name (LookupAuthInfo) after a write,
// which invalidated the listing, so as not to list afresh for each authentication
// written. It reports false when the authentication is gone.
func (r *dliDatasourceAuthResource) readWith(get func(context.Context, string) (*client.AuthInfo, error)) framework.ReadFunc[dliDatasourceAuthModel] {
	return func(ctx context.Context, m *dliDatasourceAuthModel, diags *diag.Diagnostics) bool {
		name := m.ID.ValueString()
		a, err := get(ctx, name)
		if client.IsNotFound(err) {
			return false
		}
		if err != nil {
			framework.APIError(diags, "Reading DLI datasource authentication "+name, err)
			return false
		}
		m.fromAPI(a)
		return true
	}
}

// Update sends what changed in one UpdateAuthInfo call (nothing when only a secret that
// DLI cannot change was first set after an import).
func (r *dliDatasourceAuthResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state dliDatasourceAuthModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	body, changed := plan.updateBody(ctx, &state, req.Config.GetAttribute, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	name := state.Name.ValueString()
	plan.ID, plan.Owner = state.ID, state.Owner
	if !changed {
		resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
		return
	}
	if err := r.Client.UpdateAuthInfo(ctx, body); err != nil {
		framework.APIError(&resp.Diagnostics, "Updating DLI datasource authentication "+name, err)
		return
	}
	framework.SaveWritten(ctx, &resp.State, resp.Private, plan, &resp.Diagnostics)
	framework.SaveReadBack(ctx, &r.ResourceBase, &plan, r.readWith(r.Client.LookupAuthInfo), "DLI datasource authentication "+name, &resp.State, &resp.Diagnostics)
}

func (r *dliDatasourceAuthResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state dliDatasourceAuthModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.Client.DeleteAuthInfo(ctx, state.Name.ValueString()); err != nil {
		framework.APIError(&resp.Diagnostics, "Deleting DLI datasource authentication "+state.Name.ValueString(), err)
	}
}

// ImportState imports an authentication by name. Its secrets cannot be read back: they
// stay empty in state until set in the configuration (see the resource description).
func (r *dliDatasourceAuthResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if !framework.Accepts(ctx, validators.VariableName(), "name", req.ID) {
		resp.Diagnostics.AddError("Invalid import id", fmt.Sprintf(
			"Import a DLI datasource authentication by its name, e.g. `terraform import huaweidata_dli_datasource_auth.example kafka_auth`; got %q.", req.ID))
		return
	}
	framework.SetImported(ctx, resp, map[string]any{"id": req.ID, "name": req.ID})
}

// replaceStringUnlessNullInState requires replacement when a value DLI cannot change
// changes, except from null in state: an import cannot read the secret, so setting it
// afterwards only records it.
func replaceStringUnlessNullInState(_ context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
	resp.RequiresReplace = !req.StateValue.IsNull()
}

// replaceInt64UnlessNullInState is replaceStringUnlessNullInState for a write-only version.
func replaceInt64UnlessNullInState(_ context.Context, req planmodifier.Int64Request, resp *int64planmodifier.RequiresReplaceIfFuncResponse) {
	resp.RequiresReplace = !req.StateValue.IsNull()
}
