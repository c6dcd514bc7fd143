package resources

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
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
	_ resource.Resource                = (*dliPermissionResource)(nil)
	_ resource.ResourceWithConfigure   = (*dliPermissionResource)(nil)
	_ resource.ResourceWithImportState = (*dliPermissionResource)(nil)
)

// NewDLIPermission returns the huaweidata_dli_permission resource.
func NewDLIPermission() resource.Resource {
	return &dliPermissionResource{ResourceBase: framework.NewResourceBase("dli_permission", framework.Timeouts{})}
}

type dliPermissionResource struct {
	framework.ResourceBase
	framework.PlansUnchangedAsPrior
}

func (r *dliPermissionResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The privileges of one IAM user on one DLI object: a queue, a database, a table, a column, " +
			"a Flink job, a package group or a package.\n\n" +
			"**Additive**: like `google_*_iam_member`, it manages only this user's privileges on this object; other " +
			"users' privileges, and the same user's privileges on other objects (for example the columns of a table " +
			"granted on the table), are left alone. Privileges added to this user on this object outside Terraform " +
			"show as drift and are revoked by the next apply. The owner of the object holds `ALL` implicitly: it " +
			"cannot be managed here, and destroying a permission never touches it.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "`<object>/<user_name>`.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"object": schema.StringAttribute{
				MarkdownDescription: "The object, in DLI's notation: " + client.PermissionNotations + ". " +
					"Changing it replaces the permission.",
				Required:      true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Validators:    []validator.String{validators.PermissionObject()},
			},
			"user_name": schema.StringAttribute{
				MarkdownDescription: "The IAM user (of the same account) who receives the privileges: 1 to 64 letters, " +
					"digits, underscores, hyphens and dots. It must not be the object's owner. Changing it replaces the permission.",
				Required:      true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Validators:    []validator.String{validators.OwnerName()},
			},
			"privileges": schema.SetAttribute{
				MarkdownDescription: "The privileges, at least one; changed in place (what is added is granted, what is " +
					"removed is revoked). Allowed per kind of object: " + permissionPrivilegesDoc() + ".",
				Required:    true,
				ElementType: types.StringType,
				Validators: []validator.Set{
					setvalidator.SizeAtLeast(1),
					validators.PrivilegesForObject("object"),
				},
			},
		},
	}
}

// permissionPrivilegesDoc lists the privileges per kind of object, for the docs.
func permissionPrivilegesDoc() string {
	kinds := []client.PermissionKind{client.PermissionQueue, client.PermissionDatabase, client.PermissionTable,
		client.PermissionColumn, client.PermissionFlinkJob, client.PermissionGroup, client.PermissionPackage}
	parts := make([]string, 0, len(kinds))
	for _, k := range kinds {
		parts = append(parts, fmt.Sprintf("%s: `%s`", k, strings.Join(validators.PermissionPrivileges[k], "`, `")))
	}
	return strings.Join(parts, "; ")
}

func (r *dliPermissionResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan dliPermissionModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	o, user, privileges := r.parse(ctx, plan, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	what := permissionWhat(o, user)
	// The owner holds ALL and cannot be managed: refuse it before granting anything.
	if g, err := r.Client.UserGrant(ctx, o, user); err == nil && g.IsAdmin {
		resp.Diagnostics.AddAttributeError(path.Root("user_name"), "The user owns the object",
			fmt.Sprintf("%s is the owner (or an administrator) of %s and holds ALL on it; its privileges cannot be managed.", user, o.Notation))
		return
	} else if err != nil && !client.IsNotFound(err) {
		framework.APIError(&resp.Diagnostics, "Reading the users of DLI "+string(o.Kind)+" "+o.Notation, err)
		return
	}
	if err := r.Client.Authorize(ctx, o, user, true, privileges); err != nil {
		framework.APIError(&resp.Diagnostics, "Granting "+what, err)
		return
	}
	plan.ID = types.StringValue(o.Notation + "/" + user)
	framework.SaveWritten(ctx, &resp.State, resp.Private, plan, &resp.Diagnostics)
	framework.SaveReadBack(ctx, &r.ResourceBase, &plan, r.readInto, what, &resp.State, &resp.Diagnostics)
}

func (r *dliPermissionResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	framework.ReadOrRemove(ctx, &r.ResourceBase, req, resp, r.readInto)
}

// readInto refreshes m from the object's shared user list; it reports false when the user
// holds nothing on the object any more, or the object is gone.
func (r *dliPermissionResource) readInto(ctx context.Context, m *dliPermissionModel, diags *diag.Diagnostics) bool {
	o, err := client.ParsePermissionObject(m.Object.ValueString())
	if err != nil {
		diags.AddError("Invalid object in state", err.Error())
		return false
	}
	user := m.UserName.ValueString()
	g, err := r.Client.UserGrant(ctx, o, user)
	if !framework.Found(diags, "Reading "+permissionWhat(o, user), err) {
		return false
	}
	if g.IsAdmin {
		diags.AddError("The user owns the object",
			fmt.Sprintf("%s is the owner (or an administrator) of %s and holds ALL on it; its privileges cannot be managed.", user, o.Notation))
		return false
	}
	set, d := types.SetValueFrom(ctx, types.StringType, g.Privileges)
	diags.Append(d...)
	m.ID = types.StringValue(o.Notation + "/" + user)
	m.Privileges = set
	return !d.HasError()
}

func (r *dliPermissionResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state dliPermissionModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	o, user, want := r.parse(ctx, plan, &resp.Diagnostics)
	have, d := flex.StringSet(ctx, state.Privileges)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	what := permissionWhat(o, user)
	if added := missingFrom(have, want); len(added) > 0 {
		if err := r.Client.Authorize(ctx, o, user, true, added); err != nil {
			framework.APIError(&resp.Diagnostics, "Granting "+what, err)
			return
		}
	}
	if removed := missingFrom(want, have); len(removed) > 0 {
		if err := r.Client.Authorize(ctx, o, user, false, removed); err != nil {
			framework.APIError(&resp.Diagnostics, "Revoking "+what, err)
			return
		}
	}
	plan.ID = state.ID
	framework.SaveWritten(ctx, &resp.State, resp.Private, plan, &resp.Diagnostics)
	framework.SaveReadBack(ctx, &r.ResourceBase, &plan, r.readInto, what, &resp.State, &resp.Diagnostics)
}

// Delete revokes the privileges in state; an object that is gone has none left.
func (r *dliPermissionResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state dliPermissionModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	o, user, privileges := r.parse(ctx, state, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.Client.Authorize(ctx, o, user, false, privileges); err != nil && !client.IsNotFound(err) {
		framework.APIError(&resp.Diagnostics, "Revoking "+permissionWhat(o, user), err)
	}
}

// ImportState imports `<object>/<user_name>`; the user name is after the last slash (a
// package in a group has one in its object).
func (r *dliPermissionResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	i := strings.LastIndex(req.ID, "/")
	bad := func(why string) {
		resp.Diagnostics.AddError("Invalid import id", fmt.Sprintf(
			"Import a DLI permission as <object>/<user_name>, e.g. `terraform import huaweidata_dli_permission.example "+
				"databases.sales.tables.orders/analyst`; got %q: %s.", req.ID, why))
	}
	if i < 0 {
		bad("there is no / before the user name")
		return
	}
	object, user := req.ID[:i], req.ID[i+1:]
	if _, err := client.ParsePermissionObject(object); err != nil {
		bad(err.Error())
		return
	}
	if !framework.Accepts(ctx, validators.OwnerName(), "user_name", user) {
		bad(fmt.Sprintf("the user name %q is not an IAM user name", user))
		return
	}
	framework.SetImported(ctx, resp, map[string]any{"id": req.ID, "object": object, "user_name": user})
}

// dliPermissionModel is the Terraform state of huaweidata_dli_permission.
type dliPermissionModel struct {
	ID         types.String `tfsdk:"id"`
	Object     types.String `tfsdk:"object"`
	UserName   types.String `tfsdk:"user_name"`
	Privileges types.Set    `tfsdk:"privileges"`
}

// parse returns the object, the user and the privileges of m.
func (r *dliPermissionResource) parse(ctx context.Context, m dliPermissionModel, diags *diag.Diagnostics) (client.PermissionObject, string, []string) {
	o, err := client.ParsePermissionObject(m.Object.ValueString())
	if err != nil {
		diags.AddAttributeError(path.Root("object"), "Invalid object", err.Error())
	}
	privileges, d := flex.StringSet(ctx, m.Privileges)
	diags.Append(d...)
	return o, m.UserName.ValueString(), privileges
}

// permissionWhat names a permission in messages.
func permissionWhat(o client.PermissionObject, user string) string {
	return fmt.Sprintf("DLI privileges of %s on %s %s", user, o.Kind, o.Notation)
}

// missingFrom returns the items of b that a lacks.
func missingFrom(a, b []string) []string {
	var out []string
	for _, x := range b {
		if !slices.Contains(a, x) {
			out = append(out, x)
		}
	}
	return out
}
