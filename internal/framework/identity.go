package framework

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// WithIdentity gives the resource made by factory a resource identity (Terraform 1.12 and
// later): the natural key, made of the named top-level state attributes, in that order.
// The identity is copied from the state after every create, read and update, so no
// resource sets it itself, and an `import { identity = { ... } }` is turned into the
// resource's own import id: the identity values joined with "/" (e.g. `sales/orders` for a
// table's database_name and name), parsed and checked by its ImportState.
//
// The wrapper forwards every optional interface the resource implements and behaves as
// the framework does for those it does not.
func WithIdentity(factory func() resource.Resource, attributes ...string) func() resource.Resource {
	return func() resource.Resource { return &identified{Resource: factory(), attributes: attributes} }
}

// identified is a resource with an identity made of some of its state attributes.
type identified struct {
	resource.Resource
	attributes []string
}

var (
	_ resource.ResourceWithIdentity         = (*identified)(nil)
	_ resource.ResourceWithConfigure        = (*identified)(nil)
	_ resource.ResourceWithConfigValidators = (*identified)(nil)
	_ resource.ResourceWithValidateConfig   = (*identified)(nil)
	_ resource.ResourceWithModifyPlan       = (*identified)(nil)
	_ resource.ResourceWithImportState      = (*identified)(nil)
	_ resource.ResourceWithMoveState        = (*identified)(nil)
	_ resource.ResourceWithUpgradeState     = (*identified)(nil)
	_ UnchangedPlanner                      = (*identified)(nil)
)

// IdentitySchema declares each identity attribute with the type it has in the resource's
// schema; every one is required to import.
func (r *identified) IdentitySchema(ctx context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	sch := &resource.SchemaResponse{}
	r.Schema(ctx, resource.SchemaRequest{}, sch)
	attrs := map[string]identityschema.Attribute{}
	for _, name := range r.attributes {
		desc := "The resource's `" + name + "`."
		if a, ok := sch.Schema.Attributes[name]; ok {
			desc = a.GetMarkdownDescription()
		}
		switch sch.Schema.Attributes[name].(type) {
		case schema.Int64Attribute:
			attrs[name] = identityschema.Int64Attribute{RequiredForImport: true, Description: desc}
		case schema.StringAttribute:
			attrs[name] = identityschema.StringAttribute{RequiredForImport: true, Description: desc}
		default:
			resp.Diagnostics.AddError("Unsupported identity attribute",
				fmt.Sprintf("The identity attribute %q is not a string or int64 attribute of the resource; this is a bug in the provider.", name))
		}
	}
	resp.IdentitySchema = identityschema.Schema{Attributes: attrs}
}

func (r *identified) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	r.Resource.Create(ctx, req, resp)
	r.copyIdentity(ctx, resp.State, resp.Identity, &resp.Diagnostics)
}

func (r *identified) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	r.Resource.Read(ctx, req, resp)
	state := resp.State
	if state.Raw.IsNull() {
		// Removed from state (gone): the framework still wants the identity of what was
		// read, which Terraform older than 1.12 does not keep between commands.
		state = req.State
	}
	r.copyIdentity(ctx, state, resp.Identity, &resp.Diagnostics)
}

func (r *identified) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	r.Resource.Update(ctx, req, resp)
	r.copyIdentity(ctx, resp.State, resp.Identity, &resp.Diagnostics)
}

// copyIdentity sets the identity from the state, unless the operation failed before any
// state was written or removed the resource.
func (r *identified) copyIdentity(ctx context.Context, state tfsdk.State, identity *tfsdk.ResourceIdentity, diags *diag.Diagnostics) {
	if identity == nil || state.Raw.IsNull() {
		return
	}
	for _, name := range r.attributes {
		var v attr.Value
		diags.Append(state.GetAttribute(ctx, path.Root(name), &v)...)
		if v == nil || v.IsNull() || v.IsUnknown() {
			continue // not known yet (a create that failed before its id was saved)
		}
		diags.Append(identity.SetAttribute(ctx, path.Root(name), v)...)
	}
}

// ImportState imports by id, or by identity through the id the identity amounts to.
func (r *identified) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importer, ok := r.Resource.(resource.ResourceWithImportState)
	if !ok {
		resp.Diagnostics.AddError("Resource Import Not Implemented",
			"This resource does not support import. Create it with Terraform instead.")
		return
	}
	if req.ID == "" && req.Identity != nil {
		parts := make([]string, 0, len(r.attributes))
		for _, name := range r.attributes {
			var v attr.Value
			resp.Diagnostics.Append(req.Identity.GetAttribute(ctx, path.Root(name), &v)...)
			switch v := v.(type) {
			case types.String:
				parts = append(parts, v.ValueString())
			case types.Int64:
				parts = append(parts, fmt.Sprint(v.ValueInt64()))
			}
		}
		if resp.Diagnostics.HasError() {
			return
		}
		req.ID = strings.Join(parts, "/")
	}
	importer.ImportState(ctx, req, resp)
}

func (r *identified) Configure(ctx context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	if c, ok := r.Resource.(resource.ResourceWithConfigure); ok {
		c.Configure(ctx, req, resp)
	}
}

func (r *identified) ConfigValidators(ctx context.Context) []resource.ConfigValidator {
	if c, ok := r.Resource.(resource.ResourceWithConfigValidators); ok {
		return c.ConfigValidators(ctx)
	}
	return nil
}

func (r *identified) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	if v, ok := r.Resource.(resource.ResourceWithValidateConfig); ok {
		v.ValidateConfig(ctx, req, resp)
	}
}

func (r *identified) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if m, ok := r.Resource.(resource.ResourceWithModifyPlan); ok {
		m.ModifyPlan(ctx, req, resp)
	}
}

// PriorIsUnchangedPlan forwards the resource's UnchangedPlanner; a resource without one is
// always planned by the framework.
func (r *identified) PriorIsUnchangedPlan(prior, config tftypes.Value) bool {
	u, ok := r.Resource.(UnchangedPlanner)
	return ok && u.PriorIsUnchangedPlan(prior, config)
}

func (r *identified) MoveState(ctx context.Context) []resource.StateMover {
	if m, ok := r.Resource.(resource.ResourceWithMoveState); ok {
		return m.MoveState(ctx)
	}
	return nil
}

// UpgradeState forwards the resource's state upgraders; the framework calls it only for a
// state written with an older schema version.
func (r *identified) UpgradeState(ctx context.Context) map[int64]resource.StateUpgrader {
	if u, ok := r.Resource.(resource.ResourceWithUpgradeState); ok {
		return u.UpgradeState(ctx)
	}
	return nil
}
