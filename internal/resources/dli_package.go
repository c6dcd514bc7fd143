package resources

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
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
	_ resource.Resource                = (*dliPackageResource)(nil)
	_ resource.ResourceWithConfigure   = (*dliPackageResource)(nil)
	_ resource.ResourceWithImportState = (*dliPackageResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*dliPackageResource)(nil)
)

// packageTypes are the package kinds of §8.1.
var packageTypes = []string{"jar", "pyFile", "file", "modelFile"}

var (
	// packageGroupName is §8.8's rule for a group name.
	packageGroupName = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)
	// packageOwnerName is §8.8's rule for new_owner.
	packageOwnerName = regexp.MustCompile(`^[A-Za-z_-][A-Za-z0-9_-]{4,31}$`)
)

// NewDLIPackage returns the huaweidata_dli_package resource.
func NewDLIPackage() resource.Resource {
	return &dliPackageResource{ResourceBase: framework.NewResourceBase("dli_package",
		framework.Timeouts{Create: 20 * time.Minute, Delete: 10 * time.Minute})}
}

type dliPackageResource struct {
	framework.ResourceBase
	framework.PlansUnchangedAsPrior
}

func (r *dliPackageResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A DLI resource package: a file registered from OBS into a package group, for Spark and Flink Jar jobs " +
			"to use as `<group>/<name>` (this resource's `id`). Create uploads the file and waits until the package is `READY`. " +
			"An upload DLI refuses fails the apply with DLI's reason and leaves nothing behind; a package whose upload ends `FAILED` " +
			"fails the apply and is left tainted, so the next apply deletes it and uploads it again. A package of the same name " +
			"already in the group is never replaced: import it instead. DLI never returns `object_path`, `is_async` or `tags`: they are not imported " +
			"(after an import, the configured values are recorded without re-uploading). Default timeouts: `create` 20 minutes, `delete` 10 minutes.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "`<group_name>/<object_name>`: the reference Spark batch jobs (`file`, `jars`, `python_files`, `files`) and Flink Jar jobs (entry point, dependency JARs and files) take. Known at plan time.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown(), packageNameFromPath(true)},
			},
			"group_name": schema.StringAttribute{
				MarkdownDescription: "Package group: 1 to 64 letters, digits, dots, underscores and hyphens. The group is created with its first package (DLI has no API to delete a group). Changing it replaces the package.",
				Required:            true,
				PlanModifiers:       replace,
				Validators: []validator.String{stringvalidator.RegexMatches(packageGroupName,
					"must be 1 to 64 letters, digits, dots, underscores and hyphens")},
			},
			"type": schema.StringAttribute{
				MarkdownDescription: "Package type: `jar` (JAR files), `pyFile` (Python files), `file` (other user files) or `modelFile` (AI model files). Changing it replaces the package.",
				Required:            true,
				PlanModifiers:       replace,
				Validators:          []validator.String{stringvalidator.OneOf(packageTypes...)},
			},
			"object_path": schema.StringAttribute{
				MarkdownDescription: "OBS object URL of the file, `https://<bucket>.obs.<region endpoint>/<key>`, e.g. " +
					"`https://my-bucket.obs.cn-north-4.myhuaweicloud.com/jars/etl.jar`. Its last segment is the package name (`object_name`): " +
					"1 to 128 letters, digits, `_`, `!`, `-` and `.`, not starting with a dot. Changing it replaces the package " +
					"(after an import, a path ending in the imported package's name is recorded in place). " +
					"Required to create a package; DLI never returns it, so an imported package's configuration may leave it out.",
				Optional:      true,
				PlanModifiers: []planmodifier.String{replaceUnlessImportedPath()},
				Validators:    []validator.String{validators.PackageObjectURL()},
			},
			"is_async": schema.BoolAttribute{
				MarkdownDescription: "Whether DLI uploads the file asynchronously (recommended by DLI for large files); the apply waits until the package is `READY` either way. " +
					"Defaults to `false`. Changing it does not upload the package again.",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(false),
			},
			"tags": schema.MapAttribute{
				MarkdownDescription: "Tags set when the package is uploaded: keys of 1 to 128 and values of 1 to 255 characters. DLI does not return them, so they are neither refreshed nor imported (after an import, the configured tags are recorded in place). Changing them replaces the package.",
				Optional:            true,
				ElementType:         types.StringType,
				PlanModifiers:       []planmodifier.Map{replaceMapUnlessImported()},
				Validators: []validator.Map{
					mapvalidator.KeysAre(stringvalidator.UTF8LengthBetween(1, 128)),
					mapvalidator.ValueStringsAre(stringvalidator.UTF8LengthBetween(1, 255)),
				},
			},
			"owner": schema.StringAttribute{
				MarkdownDescription: "IAM user who owns the package; defaults to the user who uploaded it. 5 to 32 letters, digits, underscores and hyphens, not starting with a digit. Changed in place.",
				Optional:            true,
				Computed:            true,
				PlanModifiers:       keep,
				Validators: []validator.String{stringvalidator.RegexMatches(packageOwnerName,
					"must be 5 to 32 letters, digits, underscores and hyphens, not starting with a digit")},
			},
			"object_name": schema.StringAttribute{
				MarkdownDescription: "Package name: the last segment of `object_path`. Known at plan time.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown(), packageNameFromPath(false)},
			},
			"status": schema.StringAttribute{
				MarkdownDescription: "Upload status: `READY` after a successful apply (`UPLOADING` or `FAILED` otherwise).",
				Computed:            true,
				PlanModifiers:       keep,
			},
			"created_at": schema.StringAttribute{
				MarkdownDescription: "When the package was uploaded (RFC 3339, UTC).",
				CustomType:          timetypes.RFC3339Type{},
				Computed:            true,
				PlanModifiers:       keep,
			},
			"updated_at": schema.StringAttribute{
				MarkdownDescription: "When the package was last changed, e.g. its owner (RFC 3339, UTC).",
				CustomType:          timetypes.RFC3339Type{},
				Computed:            true,
			},
		},
		Blocks: map[string]schema.Block{"timeouts": r.Timeouts.Block(ctx)},
	}
}

func (r *dliPackageResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan dliPackageModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := r.CreateContext(ctx, plan.Timeouts, &resp.Diagnostics)
	defer cancel()
	group, name := plan.GroupName.ValueString(), packageNameOf(plan.ObjectPath.ValueString())
	id := client.PackageID(group, name)
	body := &model.UploadJobResourcesRequestBody{
		Paths: []string{plan.ObjectPath.ValueString()}, Kind: plan.Type.ValueString(), Group: group,
		IsAsync: plan.IsAsync.ValueBoolPointer(), Tags: flex.TagsPointer(ctx, plan.Tags, &resp.Diagnostics),
	}
	if resp.Diagnostics.HasError() {
		return
	}
	// An upload replaces a package of the same name in the group: refuse to take over one
	// that exists already.
	switch _, err := r.Client.ShowPackage(ctx, group, name); {
	case err == nil:
		resp.Diagnostics.AddError("DLI resource package "+id+" already exists",
			fmt.Sprintf("Group %s already holds a package named %s, and uploading would replace it. "+
				"Import it with `terraform import <address> %s`, or upload the file under another name.", group, name, id))
		return
	case !client.IsNotFound(err):
		framework.APIError(&resp.Diagnostics, "Looking up DLI resource package "+id, err)
		return
	}
	if err := r.Client.UploadPackage(ctx, body, name); err != nil {
		framework.APIError(&resp.Diagnostics, "Uploading DLI resource package "+id, err)
		return
	}
	// Save the id at once: if the wait below fails, the package stays in state (tainted)
	// instead of being orphaned in DLI.
	plan.ID, plan.ObjectName = types.StringValue(id), types.StringValue(name)
	plan.Status, plan.CreatedAt, plan.UpdatedAt = types.StringNull(), timetypes.NewRFC3339Null(), timetypes.NewRFC3339Null()
	owner := plan.Owner
	if owner.IsUnknown() {
		plan.Owner = types.StringNull()
	}
	framework.SaveWritten(ctx, &resp.State, resp.Private, plan, &resp.Diagnostics)

	pkg, err := r.Client.WaitForPackageReady(ctx, group, name)
	if err != nil {
		framework.APIError(&resp.Diagnostics, "Waiting for DLI resource package "+id+" to be READY", err)
		return
	}
	if owner.IsUnknown() || owner.ValueString() == ptr.Deref(pkg.Owner) {
		plan.fromAPI(pkg) // the wait's last read is the package as it is
		resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
		return
	}
	if err := r.Client.UpdatePackageOwner(ctx, group, name, owner.ValueString()); err != nil {
		framework.APIError(&resp.Diagnostics, fmt.Sprintf("Giving DLI resource package %s to owner %s", id, owner.ValueString()), err)
		return
	}
	framework.SaveReadBack(ctx, &r.ResourceBase, &plan, r.readInto, "DLI resource package "+id, &resp.State, &resp.Diagnostics)
}

func (r *dliPackageResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	framework.ReadOrRemove(ctx, &r.ResourceBase, req, resp, r.readInto)
}

// Update changes the owner (§8.8) when it changed; every other in-place change (is_async,
// or what an import could not read) only updates the state.
func (r *dliPackageResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state dliPackageModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	group, name := state.GroupName.ValueString(), state.ObjectName.ValueString()
	plan.ID, plan.ObjectName, plan.CreatedAt, plan.UpdatedAt = state.ID, state.ObjectName, state.CreatedAt, state.UpdatedAt
	owner := plan.Owner.ValueString()
	if plan.Owner.IsUnknown() || owner == state.Owner.ValueString() {
		plan.Owner = state.Owner
		resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
		return
	}
	if err := r.Client.UpdatePackageOwner(ctx, group, name, owner); err != nil {
		framework.APIError(&resp.Diagnostics, fmt.Sprintf("Giving DLI resource package %s to owner %s", state.ID.ValueString(), owner), err)
		return
	}
	framework.MarkWritten(ctx, resp.Private, &resp.Diagnostics)
	framework.SaveReadBack(ctx, &r.ResourceBase, &plan, r.readInto, "DLI resource package "+state.ID.ValueString(), &resp.State, &resp.Diagnostics)
}

func (r *dliPackageResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state dliPackageModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := r.DeleteContext(ctx, state.Timeouts, &resp.Diagnostics)
	defer cancel()
	group, name, ok := splitPackageID(state.ID.ValueString())
	if !ok {
		resp.Diagnostics.AddError("Invalid state", "The id of a DLI resource package is <group>/<name>; got "+state.ID.ValueString())
		return
	}
	framework.DeleteAndWait(ctx, "DLI resource package "+state.ID.ValueString(),
		func(ctx context.Context) error { return r.Client.DeletePackage(ctx, group, name) },
		func(ctx context.Context) error { return r.Client.WaitForPackageDeleted(ctx, group, name) }, &resp.Diagnostics)
}

// ImportState imports a package as `<group>/<name>`. object_path, is_async and tags cannot
// be read from DLI: they are taken from the configuration on the next apply.
func (r *dliPackageResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	group, name, ok := splitPackageID(req.ID)
	if !ok || !packageGroupName.MatchString(group) || packageNameOf(name) != name || name == "" {
		resp.Diagnostics.AddError("Invalid import id", fmt.Sprintf(
			"Import a DLI resource package as <group>/<name>, e.g. `terraform import huaweidata_dli_package.example my_group/etl.jar`; got %q.", req.ID))
		return
	}
	framework.SetImported(ctx, resp, map[string]any{"id": client.PackageID(group, name), "group_name": group, "object_name": name, "is_async": false})
}

// readInto refreshes m from §8.6; it reports false when the package is gone.
func (r *dliPackageResource) readInto(ctx context.Context, m *dliPackageModel, diags *diag.Diagnostics) bool {
	group, name, _ := splitPackageID(m.ID.ValueString())
	pkg, err := r.Client.ShowPackage(ctx, group, name)
	if !framework.Found(diags, "Reading DLI resource package "+m.ID.ValueString(), err) {
		return false
	}
	m.GroupName, m.ObjectName = types.StringValue(group), types.StringValue(name)
	m.fromAPI(pkg)
	return true
}

// dliPackageModel is the Terraform state of huaweidata_dli_package.
type dliPackageModel struct {
	ID         types.String      `tfsdk:"id"`
	GroupName  types.String      `tfsdk:"group_name"`
	Type       types.String      `tfsdk:"type"`
	ObjectPath types.String      `tfsdk:"object_path"`
	IsAsync    types.Bool        `tfsdk:"is_async"`
	Tags       types.Map         `tfsdk:"tags"`
	Owner      types.String      `tfsdk:"owner"`
	ObjectName types.String      `tfsdk:"object_name"`
	Status     types.String      `tfsdk:"status"`
	CreatedAt  timetypes.RFC3339 `tfsdk:"created_at"`
	UpdatedAt  timetypes.RFC3339 `tfsdk:"updated_at"`
	Timeouts   timeouts.Value    `tfsdk:"timeouts"`
}

// fromAPI sets what §8.6 returns about the package.
func (m *dliPackageModel) fromAPI(pkg *model.ShowJobResourceResponse) {
	m.Type = types.StringValue(ptr.Deref(pkg.ResourceType))
	m.Status = types.StringValue(strings.ToUpper(ptr.Deref(pkg.Status)))
	m.Owner = types.StringValue(ptr.Deref(pkg.Owner))
	m.CreatedAt = flex.RFC3339FromMillis(ptr.Deref(pkg.CreateTime))
	m.UpdatedAt = flex.RFC3339FromMillis(ptr.Deref(pkg.UpdateTime))
}

// packageNameOf is the package name DLI gives the file at an OBS URL: its last segment.
func packageNameOf(objectPath string) string {
	return objectPath[strings.LastIndex(objectPath, "/")+1:]
}

// splitPackageID splits `<group>/<name>`.
func splitPackageID(id string) (group, name string, ok bool) {
	return strings.Cut(id, "/")
}
