package provider

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/providervalidator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/actions"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/datasources"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/resources"
)

var (
	_ provider.Provider                     = (*huaweidataProvider)(nil)
	_ provider.ProviderWithConfigValidators = (*huaweidataProvider)(nil)
	_ provider.ProviderWithActions          = (*huaweidataProvider)(nil)
	_ provider.ProviderWithListResources    = (*huaweidataProvider)(nil) // list resources (issue 19)
)

// Option adjusts how the provider builds its client; tests use it to shorten waits.
type Option func(*client.Config)

// New returns a constructor of the provider for providerserver.
func New(version string, opts ...Option) func() provider.Provider {
	return func() provider.Provider {
		return &huaweidataProvider{version: version, opts: opts}
	}
}

type huaweidataProvider struct {
	version string
	opts    []Option
}

func (p *huaweidataProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "huaweidata"
	resp.Version = p.version
}

func (p *huaweidataProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	endpoint := func(service, def string) schema.StringAttribute {
		return schema.StringAttribute{
			MarkdownDescription: fmt.Sprintf("URL of the %s API, e.g. `http://127.0.0.1:8080` for the emulator. "+
				"Defaults to `%s`. Can also be set with `HW_%s_ENDPOINT`.", service, def, envName(service)),
			Optional:   true,
			Validators: []validator.String{httpURL()},
		}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "The huaweidata provider manages Huawei Cloud Data Lake Insight (DLI) and reads DataArts Studio metadata.",
		Attributes: map[string]schema.Attribute{
			"region": schema.StringAttribute{
				MarkdownDescription: "Region of the resources, e.g. `cn-north-4`. Can also be set with `HW_REGION_NAME`. Required unless set in the environment.",
				Optional:            true,
			},
			"project_id": schema.StringAttribute{
				MarkdownDescription: "Project id (32 hex characters) of the region. When unset (and `HW_PROJECT_ID` is unset), it is looked up once in IAM by region, on the first API call.",
				Optional:            true,
			},
			"access_key": schema.StringAttribute{
				MarkdownDescription: "Access key (AK) used to sign requests. Can also be set with `HW_ACCESS_KEY`. " + credentialsChainDescription,
				Optional:            true,
				Sensitive:           true,
			},
			"secret_key": schema.StringAttribute{
				MarkdownDescription: "Secret key (SK) used to sign requests. Can also be set with `HW_SECRET_KEY`.",
				Optional:            true,
				Sensitive:           true,
			},
			"security_token": schema.StringAttribute{
				MarkdownDescription: "Security token of temporary credentials (with a temporary AK/SK). Can also be set with `HW_SECURITY_TOKEN`.",
				Optional:            true,
				Sensitive:           true,
			},
			"endpoints": schema.SingleNestedAttribute{
				MarkdownDescription: "Per-service override of the default API URLs.",
				Optional:            true,
				Attributes: map[string]schema.Attribute{
					"dli":      endpoint("dli", "https://dli.{region}.{cloud}"),
					"dataarts": endpoint("dataarts", "https://dayu.{region}.{cloud}"),
					"iam":      endpoint("iam", "https://iam.{region}.{cloud}"),
				},
			},
			"cloud": schema.StringAttribute{
				MarkdownDescription: "Domain suffix of the default endpoints. Defaults to `myhuaweicloud.com`. Can also be set with `HW_CLOUD`.",
				Optional:            true,
			},
			"dataarts": schema.SingleNestedAttribute{
				MarkdownDescription: "Defaults for the DataArts Studio data sources, which can override them.",
				Optional:            true,
				Attributes: map[string]schema.Attribute{
					"instance_id": schema.StringAttribute{
						MarkdownDescription: "DataArts Studio instance id (sent as the `instance` header).",
						Optional:            true,
					},
					"workspace_id": schema.StringAttribute{
						MarkdownDescription: "DataArts Studio workspace id (sent as the `workspace` header).",
						Optional:            true,
					},
				},
			},
			"max_retries": schema.Int64Attribute{
				MarkdownDescription: "How many times a call is retried after a 429, 408, 5xx or connection error, with exponential backoff (429 honours `Retry-After`). Defaults to `5`; 0 to 20.",
				Optional:            true,
				Validators:          []validator.Int64{int64validator.Between(0, 20)},
			},
			"insecure": schema.BoolAttribute{
				MarkdownDescription: "Skip TLS certificate verification. Defaults to `false`.",
				Optional:            true,
			},
			"rate_limit": schema.Float64Attribute{
				MarkdownDescription: "Optional hard cap on API requests per second, across all resources of the provider. Unset means no cap: the provider slows down by itself when the API answers 429 (or 503 with `Retry-After`), and speeds up again as the API allows.",
				Optional:            true,
				Validators:          []validator.Float64{float64validator.AtLeast(0.1)},
			},
			"consistency_window": schema.StringAttribute{
				MarkdownDescription: "How long the API may take to show an object this provider has just created or changed, as a duration such as `\"60s\"` or `\"2m\"`. " +
					"Within this window after a write, a \"not found\" answer means \"not visible yet\" and the provider polls again with backoff, " +
					"instead of treating the object as gone or creating it a second time. Defaults to `60s`; `0s` turns this off; at most `30m`.",
				Optional:   true,
				Validators: []validator.String{durationBetween(0, 30*time.Minute)},
			},
		},
		Blocks: map[string]schema.Block{
			"assume_role": assumeRoleBlock(), // credentials chain
		},
	}
	for name, attr := range credentialAttributes() { // credentials chain
		resp.Schema.Attributes[name] = attr
	}
}

// durationBetween validates a Go duration string ("60s", "2m") within [lo, hi].
func durationBetween(lo, hi time.Duration) validator.String { return durationValidator{lo: lo, hi: hi} }

type durationValidator struct{ lo, hi time.Duration }

func (v durationValidator) Description(context.Context) string {
	return fmt.Sprintf("must be a duration such as \"60s\" or \"2m\", between %v and %v", v.lo, v.hi)
}

func (v durationValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v durationValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	s := req.ConfigValue.ValueString()
	d, err := time.ParseDuration(s)
	if err != nil || d < v.lo || d > v.hi {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid duration",
			fmt.Sprintf("%s %s, got %q.", req.Path, v.Description(ctx), s))
	}
}

func (p *huaweidataProvider) ConfigValidators(context.Context) []provider.ConfigValidator {
	return []provider.ConfigValidator{
		providervalidator.RequiredTogether(path.MatchRoot("access_key"), path.MatchRoot("secret_key")),
	}
}

func (p *huaweidataProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	clientCfg, diags := cfg.clientConfig(os.Getenv)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	clientCfg.UserAgent = "terraform-provider-huaweidata/" + p.version + " terraform/" + req.TerraformVersion
	for _, opt := range p.opts {
		opt(&clientCfg)
	}
	c, err := client.New(clientCfg)
	if err != nil {
		resp.Diagnostics.AddError("Invalid provider configuration", err.Error())
		return
	}
	resp.ResourceData = c
	resp.DataSourceData = c
	resp.ActionData = c
	resp.ListResourceData = c // list resources (issue 19)
}

func (p *huaweidataProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		// Each with its resource identity: the natural key its import id is made of.
		framework.WithIdentity(resources.NewDLIQueue, "name"),
		framework.WithIdentity(resources.NewDLIGlobalVariable, "name"),
		framework.WithIdentity(resources.NewDLIDatabase, "name"),
		framework.WithIdentity(resources.NewDLITable, "database_name", "name"),
		framework.WithIdentity(resources.NewDLIFlinkSQLJob, "job_id"),
		framework.WithIdentity(resources.NewDLIConnection, "id"),
		framework.WithIdentity(resources.NewDLIBatchJob, "id"),
		framework.WithIdentity(resources.NewDLIQueueScalingPlan, "queue_name", "plan_id"),
		framework.WithIdentity(resources.NewDLIPermission, "object", "user_name"),
		framework.WithIdentity(resources.NewDLIConnectionAuthorization, "connection_id", "project_id"),
		framework.WithIdentity(resources.NewDLIPackage, "group_name", "object_name"),
		framework.WithIdentity(resources.NewDLIDatasourceAuth, "name"),
		framework.WithIdentity(resources.NewDLIAgency, "id"),
		framework.WithIdentity(resources.NewDLIOBSAuthorization, "id"),
		framework.WithIdentity(resources.NewDLISQLJob, "id"),
		framework.WithIdentity(resources.NewDLISQLTemplate, "id"),
		framework.WithIdentity(resources.NewDLISparkTemplate, "id"),
		framework.WithIdentity(resources.NewDLIElasticResourcePool, "name"), // issue 14: elastic resource pools
		// issue 16 part B: Flink Jar jobs, templates and savepoints (a savepoint is an action: no import, no identity)
		framework.WithIdentity(resources.NewDLIFlinkJarJob, "job_id"),
		framework.WithIdentity(resources.NewDLIFlinkTemplate, "template_id"),
		resources.NewDLIFlinkSavepoint,
	}
}

func (p *huaweidataProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		datasources.NewDataArtsLineage,
		datasources.NewDataArtsRelations,
		datasources.NewDataArtsNodeInstances,
		datasources.NewDLIQuotas,          // issue 14: quotas
		datasources.NewDLIPermissions,     // permissions (issue 15)
		datasources.NewDLIPackages,        // issue 17: resource packages
		datasources.NewDLIDatasourceAuths, // datasource auth (issue 17)
		// issue 16 part A: job list data sources
		datasources.NewDLISQLJobs,
		datasources.NewDLIBatchJobs,
		// issue 18 item 4: list data sources
		datasources.NewDLIDatabases,
		datasources.NewDLITables,
		datasources.NewDLIGlobalVariables,
		datasources.NewDLIConnections,
		// issue 14: elastic resource pools
		datasources.NewDLIQueues,
		datasources.NewDLIElasticResourcePools,
		// issue 16 part B: Flink jobs
		datasources.NewDLIFlinkJobs,
	}
}

// Actions are the provider's actions (Terraform >= 1.14; issue 19).
func (p *huaweidataProvider) Actions(context.Context) []func() action.Action {
	return []func() action.Action{
		actions.NewDLIBatchJobRun,
		actions.NewDLISQL,
		actions.NewDLIFlinkJobSavepoint,
		actions.NewDLIQueueRestart,
		actions.NewDLIQueueScale,
	}
}

// ListResources are the lists `terraform query` runs (Terraform 1.14 and later), one per
// resource (issue 19).
func (p *huaweidataProvider) ListResources(context.Context) []func() list.ListResource {
	return []func() list.ListResource{
		resources.NewDLIQueueList,
		resources.NewDLIGlobalVariableList,
		resources.NewDLIDatabaseList,
		resources.NewDLITableList,
		resources.NewDLIFlinkSQLJobList,
		resources.NewDLIConnectionList,
		resources.NewDLIBatchJobList,
		// more list resources (issue 19 item 2)
		resources.NewDLIElasticResourcePoolList,
		resources.NewDLIFlinkJarJobList,
		resources.NewDLISQLJobList,
		resources.NewDLIPackageList,
		resources.NewDLIDatasourceAuthList,
		resources.NewDLISQLTemplateList,
		resources.NewDLISparkTemplateList,
		resources.NewDLIFlinkTemplateList,
		resources.NewDLIPermissionList,
	}
}

// providerModel is the provider block.
type providerModel struct {
	Region        types.String   `tfsdk:"region"`
	ProjectID     types.String   `tfsdk:"project_id"`
	AccessKey     types.String   `tfsdk:"access_key"`
	SecretKey     types.String   `tfsdk:"secret_key"`
	SecurityToken types.String   `tfsdk:"security_token"`
	Endpoints     *endpointModel `tfsdk:"endpoints"`
	Cloud         types.String   `tfsdk:"cloud"`
	DataArts      *dataArtsModel `tfsdk:"dataarts"`
	MaxRetries    types.Int64    `tfsdk:"max_retries"`
	Insecure      types.Bool     `tfsdk:"insecure"`
	RateLimit     types.Float64  `tfsdk:"rate_limit"`
	// ConsistencyWindow is a duration string; see clientConfig.
	ConsistencyWindow types.String `tfsdk:"consistency_window"`
	// The credentials chain (credentials.go).
	SharedConfigFile types.String     `tfsdk:"shared_config_file"`
	Profile          types.String     `tfsdk:"profile"`
	AssumeRole       *assumeRoleModel `tfsdk:"assume_role"`
}

type endpointModel struct {
	DLI      types.String `tfsdk:"dli"`
	DataArts types.String `tfsdk:"dataarts"`
	IAM      types.String `tfsdk:"iam"`
}

type dataArtsModel struct {
	InstanceID  types.String `tfsdk:"instance_id"`
	WorkspaceID types.String `tfsdk:"workspace_id"`
}
