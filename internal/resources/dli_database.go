package resources

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
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
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

var (
	_ resource.Resource                = (*dliDatabaseResource)(nil)
	_ resource.ResourceWithConfigure   = (*dliDatabaseResource)(nil)
	_ resource.ResourceWithImportState = (*dliDatabaseResource)(nil)
)

// NewDLIDatabase returns the huaweidata_dli_database resource.
func NewDLIDatabase() resource.Resource {
	return &dliDatabaseResource{ResourceBase: framework.NewResourceBase("dli_database", framework.Timeouts{})}
}

type dliDatabaseResource struct {
	framework.ResourceBase
	framework.PlansUnchangedAsPrior
}

func (r *dliDatabaseResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A DLI SQL database. `owner` changes in place; every other argument replaces the database, " +
			"as DLI cannot update it. Deleting a database that still has tables fails unless `force_destroy` is true.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The database name.",
				Computed:            true,
				PlanModifiers:       keep,
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "Database name: 1 to 128 characters, lowercase letters, digits and underscores, not only digits, " +
					"not starting with an underscore (DLI stores names in lowercase). `default` is DLI's built-in database and cannot be created. " +
					"Changing it replaces the database.",
				Required:      true,
				PlanModifiers: replace,
				Validators:    []validator.String{validators.CatalogName("database")},
			},
			"description": schema.StringAttribute{
				MarkdownDescription: "Description of the database. Changing it replaces the database.",
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString(""),
				PlanModifiers:       replace,
			},
			"enterprise_project_id": schema.StringAttribute{
				MarkdownDescription: "Enterprise project the database belongs to; `0` (the default) is the default project. Changing it replaces the database.",
				Optional:            true,
				Computed:            true,
				PlanModifiers:       append(replace, keep...),
			},
			"tags": schema.MapAttribute{
				MarkdownDescription: "Resource tags. DLI does not return tags when a database is read, so they are not refreshed and not imported. Changing them replaces the database.",
				Optional:            true,
				ElementType:         types.StringType,
				PlanModifiers:       []planmodifier.Map{mapplanmodifier.RequiresReplace()},
			},
			"owner": schema.StringAttribute{
				MarkdownDescription: "User who owns the database; defaults to the user who created it. Must be a user (sub-user) of the same account. Changed in place.",
				Optional:            true,
				Computed:            true,
				PlanModifiers:       keep,
				Validators:          []validator.String{validators.OwnerName()},
			},
			"force_destroy": schema.BoolAttribute{
				MarkdownDescription: "When `false` (the default), destroying a database that still has tables fails and nothing is deleted. " +
					"When `true`, destroying the database also drops all of its tables (DLI's cascade delete); their data is lost.",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(false),
			},
		},
	}
}

func (r *dliDatabaseResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan dliDatabaseModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	body := plan.createBody(ctx, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	name := body.DatabaseName
	if err := r.Client.CreateDatabase(ctx, body); err != nil {
		framework.APIError(&resp.Diagnostics, "Creating DLI database "+name, err)
		return
	}
	plan.ID = types.StringValue(name)
	wantOwner := plan.Owner
	framework.SaveWritten(ctx, &resp.State, resp.Private, plan.withUnknownsNull(), &resp.Diagnostics)

	if !framework.ReadBack(ctx, &r.ResourceBase, &plan, r.readInto, "DLI database "+name, &resp.Diagnostics) {
		return
	}
	if owner := wantOwner.ValueString(); flex.IsKnown(wantOwner) && owner != plan.Owner.ValueString() {
		if err := r.Client.UpdateDatabaseOwner(ctx, name, owner); err != nil {
			framework.APIError(&resp.Diagnostics, fmt.Sprintf("Giving DLI database %s to owner %s", name, owner), err)
			return
		}
		if !framework.ReadBack(ctx, &r.ResourceBase, &plan, r.readInto, "DLI database "+name, &resp.Diagnostics) {
			return
		}
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *dliDatabaseResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	framework.ReadOrRemove(ctx, &r.ResourceBase, req, resp, r.readInto)
}

func (r *dliDatabaseResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state dliDatabaseModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := state.ID.ValueString()
	if owner := plan.Owner.ValueString(); !plan.Owner.IsUnknown() && owner != state.Owner.ValueString() {
		if err := r.Client.UpdateDatabaseOwner(ctx, name, owner); err != nil {
			framework.APIError(&resp.Diagnostics, fmt.Sprintf("Giving DLI database %s to owner %s", name, owner), err)
			return
		}
		framework.MarkWritten(ctx, resp.Private, &resp.Diagnostics)
	}
	plan.ID = state.ID
	framework.SaveReadBack(ctx, &r.ResourceBase, &plan, r.readInto, "DLI database "+name, &resp.State, &resp.Diagnostics)
}

func (r *dliDatabaseResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state dliDatabaseModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := state.ID.ValueString()
	cascade := state.ForceDestroy.ValueBool()
	err := r.Client.DeleteDatabase(ctx, name, cascade)
	if err == nil {
		return
	}
	if !cascade {
		// DLI refuses a non-empty database with DLI.0007; the listing counts the tables
		// (new ones may not be counted yet).
		tables := "tables"
		if db, lerr := r.Client.GetDatabase(ctx, name); lerr == nil && ptr.Deref(db.TableNumber) > 0 {
			tables = fmt.Sprintf("%d table(s)", ptr.Deref(db.TableNumber))
		}
		if tables != "tables" || client.HasCode(err, "DLI.0007") {
			resp.Diagnostics.AddError("DLI database still has tables",
				fmt.Sprintf("Database %s still has %s and force_destroy is false, so nothing was deleted. "+
					"Drop or move its tables first, or set force_destroy = true and apply before destroying, "+
					"to drop the tables together with the database (their data is lost).\n\nAPI error: %v", name, tables, err))
			return
		}
	}
	framework.APIError(&resp.Diagnostics, "Deleting DLI database "+name, err)
}

// ImportState imports a database by name.
func (r *dliDatabaseResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	name := strings.ToLower(strings.TrimSpace(req.ID))
	if problem := validators.CatalogNameProblem("database", name); problem != "" {
		resp.Diagnostics.AddError("Invalid import id",
			fmt.Sprintf("Import a DLI database by its name, e.g. `terraform import huaweidata_dli_database.example sales`; got %q, which %s.", req.ID, problem))
		return
	}
	framework.SetImported(ctx, resp, map[string]any{"id": name, "name": name, "description": "", "force_destroy": false})
}

// readInto refreshes m from the shared database listing; it reports false when the database is gone.
func (r *dliDatabaseResource) readInto(ctx context.Context, m *dliDatabaseModel, diags *diag.Diagnostics) bool {
	name := m.ID.ValueString()
	db, err := r.Client.GetDatabase(ctx, name)
	if !framework.Found(diags, "Reading DLI database "+name, err) {
		return false
	}
	m.ID = types.StringValue(strings.ToLower(ptr.Deref(db.DatabaseName)))
	m.Name = m.ID
	m.Description = types.StringValue(ptr.Deref(db.Description))
	m.EnterpriseProjectID = types.StringValue(db.EnterpriseProjectId)
	m.Owner = types.StringPointerValue(db.Owner)
	if m.Tags.IsUnknown() {
		m.Tags = types.MapNull(types.StringType)
	}
	if !flex.IsKnown(m.ForceDestroy) {
		m.ForceDestroy = types.BoolValue(false)
	}
	return true
}

// dliDatabaseModel is the Terraform state of huaweidata_dli_database.
type dliDatabaseModel struct {
	ID                  types.String `tfsdk:"id"`
	Name                types.String `tfsdk:"name"`
	Description         types.String `tfsdk:"description"`
	EnterpriseProjectID types.String `tfsdk:"enterprise_project_id"`
	Tags                types.Map    `tfsdk:"tags"`
	Owner               types.String `tfsdk:"owner"`
	ForceDestroy        types.Bool   `tfsdk:"force_destroy"`
}

// createBody maps the plan to the §7.1.1 request body.
func (m dliDatabaseModel) createBody(ctx context.Context, diags *diag.Diagnostics) *model.CreateDatabaseRequestBody {
	return &model.CreateDatabaseRequestBody{
		DatabaseName:        m.Name.ValueString(),
		Description:         flex.StringPointer(m.Description),
		EnterpriseProjectId: flex.StringPointer(m.EnterpriseProjectID),
		Tags:                flex.TagsPointer(ctx, m.Tags, diags),
	}
}

// withUnknownsNull returns m with unknown computed values set to null, for the state saved
// right after create.
func (m dliDatabaseModel) withUnknownsNull() dliDatabaseModel {
	flex.UnknownToNull(&m.EnterpriseProjectID, &m.Owner)
	return m
}
