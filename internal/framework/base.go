package framework

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
)

// ResourceBase is embedded by every resource. It carries the API client, the resource's
// type name and its default timeouts, and implements Metadata and a nil-safe Configure.
type ResourceBase struct {
	// Client is nil until the provider is configured (e.g. during validation).
	Client *client.Client
	// Timeouts holds the defaults used when the `timeouts` block leaves an operation unset.
	Timeouts Timeouts

	typeSuffix string
}

// NewResourceBase returns the base of the resource whose type name is the provider's name
// followed by "_" and typeSuffix (e.g. "dli_queue"), with the given default timeouts.
func NewResourceBase(typeSuffix string, t Timeouts) ResourceBase {
	return ResourceBase{typeSuffix: typeSuffix, Timeouts: t}
}

// Metadata sets the resource type name.
func (b *ResourceBase) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + b.typeSuffix
}

// Configure takes the client handed over by the provider; it does nothing before the
// provider is configured.
func (b *ResourceBase) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	b.Client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

// DataSourceBase is embedded by every data source: the API client, the type name, Metadata
// and a nil-safe Configure.
type DataSourceBase struct {
	// Client is nil until the provider is configured.
	Client *client.Client

	typeSuffix string
}

// NewDataSourceBase returns the base of the data source named provider + "_" + typeSuffix.
func NewDataSourceBase(typeSuffix string) DataSourceBase {
	return DataSourceBase{typeSuffix: typeSuffix}
}

// Metadata sets the data source type name.
func (b *DataSourceBase) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + b.typeSuffix
}

// Configure takes the client handed over by the provider; it does nothing before the
// provider is configured.
func (b *DataSourceBase) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	b.Client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func clientFrom(providerData any, diags *diag.Diagnostics) *client.Client {
	c, err := client.FromProviderData(providerData)
	if err != nil {
		diags.AddError("Unexpected provider data", err.Error())
	}
	return c
}
