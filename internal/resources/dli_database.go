package resources

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
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
)

var (
	_ resource.Resource                = (*dliDatabaseResource)(nil)
	_ resource.ResourceWithConfigure   = (*dliDatabaseResource)(nil)
	_ resource.ResourceWithImportState = (*dliDatabaseResource)(nil)
)

// NewDLIDatabase returns the huaweidata_dli_database resource.
func NewDLIDatabase() resource.Resource { return &dliDatabaseResource{} }

type dliDatabaseResource struct {
	client *client.Client
}

func (r *dliDatabaseResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_dli_database"
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
				Validators:    []validator.String{catalogName("database")},
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
				Validators:          []validator.String{ownerNameValidator()},
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

func (r *dliDatabaseResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (r *dliDatabaseResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan dliDatabaseModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	body, diags := plan.createBody(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.client.CreateDatabase(ctx, body); err != nil {
		apiError(&resp.Diagnostics, "Creating DLI database "+body.DatabaseName, err)
		return
	}
	plan.ID = types.StringValue(body.DatabaseName)
	wantOwner := plan.Owner
	resp.Diagnostics.Append(resp.State.Set(ctx, plan.withUnknownsNull())...)

	if found := r.readInto(ctx, &plan, &resp.Diagnostics); !found {
		if !resp.Diagnostics.HasError() {
			resp.Diagnostics.AddError("DLI database not found after create", fmt.Sprintf("Database %s was created but cannot be read back.", body.DatabaseName))
		}
		return
	}
	if owner := wantOwner.ValueString(); !wantOwner.IsUnknown() && !wantOwner.IsNull() && owner != plan.Owner.ValueString() {
		if err := r.client.UpdateDatabaseOwner(ctx, body.DatabaseName, owner); err != nil {
			apiError(&resp.Diagnostics, fmt.Sprintf("Giving DLI database %s to owner %s", body.DatabaseName, owner), err)
			return
		}
		r.readInto(ctx, &plan, &resp.Diagnostics)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *dliDatabaseResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	readOrRemove(ctx, req, resp, r.readInto)
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
		if err := r.client.UpdateDatabaseOwner(ctx, name, owner); err != nil {
			apiError(&resp.Diagnostics, fmt.Sprintf("Giving DLI database %s to owner %s", name, owner), err)
			return
		}
	}
	plan.ID = state.ID
	if found := r.readInto(ctx, &plan, &resp.Diagnostics); !found {
		if !resp.Diagnostics.HasError() {
			resp.Diagnostics.AddError("DLI database disappeared", fmt.Sprintf("Database %s was not found after the update.", name))
		}
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *dliDatabaseResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state dliDatabaseModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := state.ID.ValueString()
	cascade := state.ForceDestroy.ValueBool()
	err := r.client.DeleteDatabase(ctx, name, cascade)
	if err == nil {
		return
	}
	if !cascade {
		if db, lerr := r.client.GetDatabase(ctx, name); lerr == nil && deref(db.TableNumber) > 0 {
			resp.Diagnostics.AddError("DLI database still has tables",
				fmt.Sprintf("Database %s still has %d table(s) and force_destroy is false, so nothing was deleted. "+
					"Drop or move its tables first, or set force_destroy = true and apply before destroying, "+
					"to drop the tables together with the database (their data is lost).\n\nAPI error: %v", name, deref(db.TableNumber), err))
			return
		}
	}
	apiError(&resp.Diagnostics, "Deleting DLI database "+name, err)
}

// ImportState imports a database by name.
func (r *dliDatabaseResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	name := strings.ToLower(strings.TrimSpace(req.ID))
	if problem := catalogNameProblem("database", name); problem != "" {
		resp.Diagnostics.AddError("Invalid import id",
			fmt.Sprintf("Import a DLI database by its name, e.g. `terraform import huaweidata_dli_database.example sales`; got %q, which %s.", req.ID, problem))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), name)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("name"), name)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("description"), "")...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("force_destroy"), false)...)
}

// readInto refreshes m from the shared database listing; it reports false when the database is gone.
func (r *dliDatabaseResource) readInto(ctx context.Context, m *dliDatabaseModel, diags *diag.Diagnostics) bool {
	name := m.ID.ValueString()
	db, err := r.client.GetDatabase(ctx, name)
	if client.IsNotFound(err) {
		return false
	}
	if err != nil {
		apiError(diags, "Reading DLI database "+name, err)
		return false
	}
	m.ID = types.StringValue(strings.ToLower(deref(db.DatabaseName)))
	m.Name = m.ID
	m.Description = types.StringValue(deref(db.Description))
	m.EnterpriseProjectID = types.StringValue(db.EnterpriseProjectId)
	m.Owner = types.StringPointerValue(db.Owner)
	if m.Tags.IsUnknown() {
		m.Tags = types.MapNull(types.StringType)
	}
	if m.ForceDestroy.IsNull() || m.ForceDestroy.IsUnknown() {
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
func (m dliDatabaseModel) createBody(ctx context.Context) (*model.CreateDatabaseRequestBody, diag.Diagnostics) {
	var diags diag.Diagnostics
	body := &model.CreateDatabaseRequestBody{
		DatabaseName:        m.Name.ValueString(),
		Description:         knownString(m.Description),
		EnterpriseProjectId: knownString(m.EnterpriseProjectID),
	}
	if !m.Tags.IsNull() && !m.Tags.IsUnknown() {
		var tags map[string]string
		diags.Append(m.Tags.ElementsAs(ctx, &tags, false)...)
		list := make([]model.Tag, 0, len(tags))
		for k, v := range tags {
			list = append(list, model.Tag{Key: k, Value: v})
		}
		sort.Slice(list, func(i, j int) bool { return list[i].Key < list[j].Key })
		body.Tags = &list
	}
	return body, diags
}

// withUnknownsNull returns m with unknown computed values set to null, for the state saved
// right after create.
func (m dliDatabaseModel) withUnknownsNull() dliDatabaseModel {
	for _, s := range []*types.String{&m.EnterpriseProjectID, &m.Owner} {
		if s.IsUnknown() {
			*s = types.StringNull()
		}
	}
	return m
}

// catalogName validates database and table names (§7.1.1, §7.2.1): letters, digits and
// underscores (tables also '$'), not only digits, not starting with an underscore, at most
// 128 characters; "default" is reserved for databases. DLI is case-insensitive and stores
// names in lowercase, so names must be written in lowercase (any other spelling would show
// a difference on every plan).
func catalogName(kind string) validator.String { return catalogNameRule{kind: kind} }

type catalogNameRule struct{ kind string }

func (r catalogNameRule) Description(context.Context) string {
	if r.kind == "table" {
		return "1 to 128 characters: lowercase letters, digits, underscores and $, not only digits, not starting with an underscore"
	}
	return "1 to 128 characters: lowercase letters, digits and underscores, not only digits, not starting with an underscore, and not `default`"
}

func (r catalogNameRule) MarkdownDescription(ctx context.Context) string { return r.Description(ctx) }

func (r catalogNameRule) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	name := req.ConfigValue.ValueString()
	if problem := catalogNameProblem(r.kind, name); problem != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid name",
			fmt.Sprintf("%s %q %s; a %s name must be %s.", req.Path, name, problem, r.kind, r.Description(ctx)))
	}
}

var (
	tableNameChars    = regexp.MustCompile(`^[A-Za-z0-9_$]+$`)
	lowercaseNameRule = regexp.MustCompile(`[A-Z]`)
)

// catalogNameProblem says what is wrong with a database or table name ("" if nothing).
func catalogNameProblem(kind, name string) string {
	switch {
	case len(name) == 0 || len(name) > 128:
		return fmt.Sprintf("is %d characters long", len(name))
	case kind == "table" && !tableNameChars.MatchString(name):
		return "contains a character other than a letter, digit, underscore or $"
	case kind != "table" && !dliNameChars.MatchString(name):
		return "contains a character other than a letter, digit or underscore"
	case name[0] == '_':
		return "starts with an underscore"
	case allDigits.MatchString(name):
		return "consists only of digits"
	case lowercaseNameRule.MatchString(name):
		return "contains uppercase letters (DLI stores names in lowercase)"
	case kind == "database" && name == "default":
		return "is DLI's built-in database, which cannot be created or managed"
	}
	return ""
}

// ownerNameValidator checks the shape of an IAM user name.
func ownerNameValidator() validator.String {
	return ownerNameRule{}
}

type ownerNameRule struct{}

var ownerNameShape = regexp.MustCompile(`^[A-Za-z0-9_.-]{1,64}$`)

func (ownerNameRule) Description(context.Context) string {
	return "an IAM user name: 1 to 64 letters, digits, underscores, hyphens and dots"
}

func (v ownerNameRule) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v ownerNameRule) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if !ownerNameShape.MatchString(req.ConfigValue.ValueString()) {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid owner",
			fmt.Sprintf("%s %q must be %s.", req.Path, req.ConfigValue.ValueString(), v.Description(ctx)))
	}
}
