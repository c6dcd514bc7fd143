package framework

import (
	"context"
	"iter"
	"regexp"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
)

// ListBase is embedded by every list resource (`terraform query`, Terraform 1.14 and
// later). It carries the API client and the resource the list finds objects of, and
// implements Metadata, a nil-safe Configure and the streaming of results (Stream).
type ListBase struct {
	// Client is nil until the provider is configured.
	Client *client.Client

	typeSuffix  string
	newResource func() resource.Resource
}

// NewListBase returns the base of the list resource of the resource whose type name is the
// provider's name, "_" and typeSuffix; newResource makes that resource (unwrapped: the list
// fills the identity itself).
func NewListBase(typeSuffix string, newResource func() resource.Resource) ListBase {
	return ListBase{typeSuffix: typeSuffix, newResource: newResource}
}

// Metadata sets the type name: that of the resource the list finds.
func (b *ListBase) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + b.typeSuffix
}

// Configure takes the client handed over by the provider; it does nothing before the
// provider is configured.
func (b *ListBase) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	b.Client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

// Listed is one object a list resource found: the id `terraform import` takes for it, and
// the name Terraform shows.
type Listed struct {
	ImportID    string
	DisplayName string
}

// Scrub adjusts the state of a listed resource before it is returned, e.g. to leave out a
// value that must not be written into generated configuration.
type Scrub func(ctx context.Context, state *tfsdk.State) diag.Diagnostics

// Stream returns the results for objects, ordered by display name and import id (a stable
// order whatever order the API lists in), at most req.Limit of them. Each object is
// imported exactly as `terraform import <ImportID>` imports it, and its identity is taken
// from the imported state; when the query includes resources, the resource's own Read then
// fills the whole state, as it does after an import, so the configuration Terraform
// generates from it plans no change. An object gone between the listing and its read is
// left out. scrub may be nil.
func (b *ListBase) Stream(ctx context.Context, req list.ListRequest, objects []Listed, scrub Scrub) iter.Seq[list.ListResult] {
	sorted := append([]Listed(nil), objects...)
	sort.Slice(sorted, func(i, j int) bool {
		if sorted[i].DisplayName != sorted[j].DisplayName {
			return sorted[i].DisplayName < sorted[j].DisplayName
		}
		return sorted[i].ImportID < sorted[j].ImportID
	})
	return func(push func(list.ListResult) bool) {
		r := b.newResource()
		if c, ok := r.(resource.ResourceWithConfigure); ok {
			var resp resource.ConfigureResponse
			c.Configure(ctx, resource.ConfigureRequest{ProviderData: b.Client}, &resp)
			if resp.Diagnostics.HasError() {
				push(list.ListResult{Diagnostics: resp.Diagnostics})
				return
			}
		}
		sent := int64(0)
		for _, o := range sorted {
			if req.Limit > 0 && sent >= req.Limit {
				return
			}
			result, found := b.result(ctx, r, req, o, scrub)
			if !found {
				continue
			}
			sent++
			if !push(result) || result.Diagnostics.HasError() {
				return
			}
		}
	}
}

// result imports (and reads, with resources included) one listed object; found is false
// when the read finds it gone.
func (b *ListBase) result(ctx context.Context, r resource.Resource, req list.ListRequest, o Listed, scrub Scrub) (list.ListResult, bool) {
	result := req.NewListResult(ctx)
	result.DisplayName = o.DisplayName
	importer, ok := r.(resource.ResourceWithImportState)
	if !ok {
		result.Diagnostics.AddError("List resource without import",
			"The listed resource cannot be imported; this is a bug in the provider.")
		return result, true
	}
	imported := resource.ImportStateResponse{State: tfsdk.State{
		Schema: req.ResourceSchema, Raw: tftypes.NewValue(req.ResourceSchema.Type().TerraformType(ctx), nil),
	}}
	emptyPrivate(&imported.Private)
	importer.ImportState(ctx, resource.ImportStateRequest{ID: o.ImportID}, &imported)
	result.Diagnostics.Append(imported.Diagnostics...)
	state := imported.State
	if req.IncludeResource && !result.Diagnostics.HasError() {
		read := resource.ReadResponse{State: state, Private: imported.Private}
		r.Read(ctx, resource.ReadRequest{State: state, Private: imported.Private}, &read)
		result.Diagnostics.Append(read.Diagnostics...)
		if read.State.Raw.IsNull() && !read.Diagnostics.HasError() {
			return result, false
		}
		state = read.State
		if scrub != nil {
			result.Diagnostics.Append(scrub(ctx, &state)...)
		}
		result.Resource.Raw = state.Raw
	}
	if result.Diagnostics.HasError() {
		return result, true
	}
	for name := range req.ResourceIdentitySchema.GetAttributes() {
		var v attr.Value
		result.Diagnostics.Append(state.GetAttribute(ctx, path.Root(name), &v)...)
		if v != nil {
			result.Diagnostics.Append(result.Identity.SetAttribute(ctx, path.Root(name), v)...)
		}
	}
	return result, true
}

// emptyPrivate gives a response the empty private state the framework gives an import (its
// type is internal to the framework, hence the type parameter).
func emptyPrivate[T any](p **T) { *p = new(T) }

// MatchesRegex reports whether s matches the optional pattern re (a null or empty pattern
// matches everything); the pattern is validated at plan time, so a bad one matches nothing.
func MatchesRegex(re types.String, s string) bool {
	if re.ValueString() == "" {
		return true
	}
	compiled, err := regexp.Compile(re.ValueString())
	return err == nil && compiled.MatchString(s)
}
