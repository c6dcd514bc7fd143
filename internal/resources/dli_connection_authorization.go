package resources

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
)

var (
	_ resource.Resource                = (*dliConnectionAuthorizationResource)(nil)
	_ resource.ResourceWithConfigure   = (*dliConnectionAuthorizationResource)(nil)
	_ resource.ResourceWithImportState = (*dliConnectionAuthorizationResource)(nil)
)

// projectIDShape is a Huawei Cloud project id: 32 lowercase hexadecimal characters.
var projectIDShape = regexp.MustCompile(`^[0-9a-f]{32}$`)

// NewDLIConnectionAuthorization returns the huaweidata_dli_connection_authorization resource.
func NewDLIConnectionAuthorization() resource.Resource {
	return &dliConnectionAuthorizationResource{
		ResourceBase: framework.NewResourceBase("dli_connection_authorization", framework.Timeouts{}),
	}
}

type dliConnectionAuthorizationResource struct {
	framework.ResourceBase
	framework.PlansUnchangedAsPrior
}

func (r *dliConnectionAuthorizationResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Shares an enhanced datasource connection with another project: that project's queues may " +
			"then be bound to it (DLI's `BIND_QUEUE` privilege on `edsconnections.<connection_id>`, listed by the " +
			"connection's privileges API, §12.8).\n\n" +
			"It is its own resource, not an attribute of `huaweidata_dli_connection`, so that a project can be " +
			"authorised by a configuration other than the one that owns the connection (like a permission), and so " +
			"that adding or removing one project never touches the others. It manages only this project's " +
			"authorisation; other projects' are left alone. Every change replaces it.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "`<connection_id>/<project_id>`.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"connection_id": schema.StringAttribute{
				MarkdownDescription: "The id (a UUID) of the enhanced connection to share. Changing it replaces the authorisation.",
				Required:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Validators: []validator.String{stringvalidator.RegexMatches(connectionIDShape,
					"must be an enhanced connection id (a UUID)")},
			},
			"project_id": schema.StringAttribute{
				MarkdownDescription: "The project (32 lowercase hexadecimal characters) that may bind its queues to the " +
					"connection; not the provider's own project. Changing it replaces the authorisation.",
				Required:      true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Validators: []validator.String{stringvalidator.RegexMatches(projectIDShape,
					"must be a project id: 32 lowercase hexadecimal characters")},
			},
		},
	}
}

func (r *dliConnectionAuthorizationResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan dliConnectionAuthorizationModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := plan.ConnectionID.ValueString() + "/" + plan.ProjectID.ValueString()
	what := "DLI enhanced connection authorisation " + id
	if err := r.Client.AuthorizeConnectionProject(ctx, plan.ConnectionID.ValueString(), plan.ProjectID.ValueString(), true); err != nil {
		framework.APIError(&resp.Diagnostics, "Creating "+what, err)
		return
	}
	plan.ID = types.StringValue(id)
	framework.SaveWritten(ctx, &resp.State, resp.Private, plan, &resp.Diagnostics)
	framework.ReadBack(ctx, &r.ResourceBase, &plan, r.readInto, what, &resp.Diagnostics)
}

func (r *dliConnectionAuthorizationResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	framework.ReadOrRemove(ctx, &r.ResourceBase, req, resp, r.readInto)
}

// readInto reports whether the project still holds BIND_QUEUE on the connection.
func (r *dliConnectionAuthorizationResource) readInto(ctx context.Context, m *dliConnectionAuthorizationModel, diags *diag.Diagnostics) bool {
	conn, project := m.ConnectionID.ValueString(), m.ProjectID.ValueString()
	g, err := r.Client.ConnectionProjectGrant(ctx, conn, project)
	if !framework.Found(diags, "Reading DLI enhanced connection authorisation "+conn+"/"+project, err) {
		return false
	}
	m.ID = types.StringValue(conn + "/" + project)
	for _, p := range g.Privileges {
		if p == client.ConnectionBindQueue {
			return true
		}
	}
	return false
}

// Update is never called: every attribute replaces the resource.
func (r *dliConnectionAuthorizationResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	resp.State.Raw = req.Plan.Raw
}

// Delete revokes the authorisation; a connection that is gone has none left.
func (r *dliConnectionAuthorizationResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state dliConnectionAuthorizationModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	err := r.Client.AuthorizeConnectionProject(ctx, state.ConnectionID.ValueString(), state.ProjectID.ValueString(), false)
	if err != nil && !client.IsNotFound(err) {
		framework.APIError(&resp.Diagnostics, "Revoking DLI enhanced connection authorisation "+state.ID.ValueString(), err)
	}
}

// ImportState imports `<connection_id>/<project_id>`.
func (r *dliConnectionAuthorizationResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	conn, project, found := strings.Cut(req.ID, "/")
	if !found || !connectionIDShape.MatchString(conn) || !projectIDShape.MatchString(project) {
		resp.Diagnostics.AddError("Invalid import id", fmt.Sprintf(
			"Import a DLI enhanced connection authorisation as <connection_id>/<project_id>, e.g. "+
				"`terraform import huaweidata_dli_connection_authorization.example "+
				"2a620c33-5609-40c9-affd-2b6453071b0f/330e068af1334c9782f4226acc00a2e2`; got %q.", req.ID))
		return
	}
	framework.SetImported(ctx, resp, map[string]any{"id": req.ID, "connection_id": conn, "project_id": project})
}

// dliConnectionAuthorizationModel is the Terraform state of huaweidata_dli_connection_authorization.
type dliConnectionAuthorizationModel struct {
	ID           types.String `tfsdk:"id"`
	ConnectionID types.String `tfsdk:"connection_id"`
	ProjectID    types.String `tfsdk:"project_id"`
}
