package migration_test

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// incumbentStandIn answers for registry.terraform.io/huaweicloud/huaweicloud: an empty
// provider, so the test needs neither the incumbent's binary nor the network. Terraform
// hands the moved state to the target provider and never asks the source for it.
type incumbentStandIn struct{}

func (incumbentStandIn) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "huaweicloud"
}

func (incumbentStandIn) Schema(context.Context, provider.SchemaRequest, *provider.SchemaResponse) {}

func (incumbentStandIn) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {
}

func (incumbentStandIn) Resources(context.Context) []func() resource.Resource { return nil }

func (incumbentStandIn) DataSources(context.Context) []func() datasource.DataSource { return nil }
