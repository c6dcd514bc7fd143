package resources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

var _ list.ListResourceWithConfigure = (*dliElasticResourcePoolList)(nil)

// NewDLIElasticResourcePoolList returns the list resource of huaweidata_dli_elastic_resource_pool.
func NewDLIElasticResourcePoolList() list.ListResource {
	return &dliElasticResourcePoolList{ListBase: framework.NewListBase("dli_elastic_resource_pool", NewDLIElasticResourcePool)}
}

type dliElasticResourcePoolList struct {
	framework.ListBase
}

func (l *dliElasticResourcePoolList) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Finds the DLI elastic resource pools of the project, for `terraform query` (Terraform 1.14 and later). " +
			"Pools are read from one shared listing, also with `include_resource`.",
		Attributes: map[string]listschema.Attribute{
			"name_regex": framework.ListNameRegex("pools"),
			"status": listschema.StringAttribute{
				MarkdownDescription: "Only pools in this status: `AVAILABLE`, `SCALING`, `CREATING` or `FAILED`.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf(client.PoolAvailable, "SCALING", "CREATING", client.PoolFailed)},
			},
			"tags": framework.ListTags("pools"),
		},
	}
}

func (l *dliElasticResourcePoolList) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var filter dliElasticResourcePoolListModel
	diags := req.Config.Get(ctx, &filter)
	tags := map[string]string{}
	diags.Append(filter.Tags.ElementsAs(ctx, &tags, false)...)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	pools, err := l.Client.ListElasticResourcePools(ctx)
	if len(tags) > 0 {
		pools, err = l.Client.ListElasticResourcePoolsTagged(ctx, tags)
	}
	if err != nil {
		framework.APIError(&diags, "Listing DLI elastic resource pools", err)
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	var found []framework.Listed
	for _, p := range pools {
		name := ptr.Deref(p.ElasticResourcePoolName)
		status := filter.Status.ValueString()
		if framework.MatchesRegex(filter.NameRegex, name) && (status == "" || ptr.Deref(p.Status) == status) {
			found = append(found, framework.Listed{ImportID: name, DisplayName: name})
		}
	}
	stream.Results = l.Stream(ctx, req, found, nil)
}

// dliElasticResourcePoolListModel is the `config` block of a huaweidata_dli_elastic_resource_pool list.
type dliElasticResourcePoolListModel struct {
	NameRegex types.String `tfsdk:"name_regex"`
	Status    types.String `tfsdk:"status"`
	Tags      types.Map    `tfsdk:"tags"`
}
