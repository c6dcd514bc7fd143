package resources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

var _ list.ListResourceWithConfigure = (*dliDatasourceAuthList)(nil)

// NewDLIDatasourceAuthList returns the list resource of huaweidata_dli_datasource_auth.
func NewDLIDatasourceAuthList() list.ListResource {
	return &dliDatasourceAuthList{ListBase: framework.NewListBase("dli_datasource_auth", NewDLIDatasourceAuth)}
}

type dliDatasourceAuthList struct {
	framework.ListBase
}

func (l *dliDatasourceAuthList) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Finds the DLI datasource authentications of the project, for `terraform query` (Terraform 1.14 " +
			"and later). They are read from one shared listing, also with `include_resource`; DLI never returns their " +
			"secrets (passwords, keystores, keytabs), so the resources found carry none.",
		Attributes: map[string]listschema.Attribute{
			"type": listschema.StringAttribute{
				MarkdownDescription: "Only authentications of this type: `passwd`, `CSS`, `KRB` or `Kafka_SSL`.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf(authInfoTypes...)},
			},
			"name_regex": framework.ListNameRegex("authentications"),
		},
	}
}

func (l *dliDatasourceAuthList) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var filter dliDatasourceAuthListModel
	diags := req.Config.Get(ctx, &filter)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	auths, err := l.Client.ListAuthInfos(ctx)
	if err != nil {
		framework.APIError(&diags, "Listing DLI datasource authentications", err)
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	var found []framework.Listed
	for _, a := range auths {
		name, kind := ptr.Deref(a.AuthInfoName), filter.Type.ValueString()
		if framework.MatchesRegex(filter.NameRegex, name) && (kind == "" || ptr.Deref(a.DatasourceType) == kind) {
			found = append(found, framework.Listed{ImportID: name, DisplayName: name})
		}
	}
	stream.Results = l.Stream(ctx, req, found, nil)
}

// dliDatasourceAuthListModel is the `config` block of a huaweidata_dli_datasource_auth list.
type dliDatasourceAuthListModel struct {
	Type      types.String `tfsdk:"type"`
	NameRegex types.String `tfsdk:"name_regex"`
}
