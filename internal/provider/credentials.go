package provider

import (
	"strconv"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/objectvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
)

// The credentials chain: the schema of its settings and how they reach the client.

// credentialsChainDescription is said once, in the provider's description of access_key.
const credentialsChainDescription = "Credentials are looked for, on the first API call (never at plan time), in this order: " +
	"1. `access_key`/`secret_key` (+ `security_token`) in the provider block; " +
	"2. the `HW_ACCESS_KEY`/`HW_SECRET_KEY` (+ `HW_SECURITY_TOKEN`) environment variables; " +
	"3. a profile of the shared config file, when `shared_config_file` or `profile` is set; " +
	"4. the ECS/CCE metadata service (`http://169.254.169.254/openstack/latest/securitykey`), which hands out the temporary credentials of the agency attached to the instance. " +
	"With `assume_role`, the credentials found are then exchanged for the temporary credentials of that agency. " +
	"Temporary credentials from the metadata service or `assume_role` are renewed before they expire."

// credentialAttributes are the provider arguments of the shared config file.
func credentialAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"shared_config_file": schema.StringAttribute{
			MarkdownDescription: "Path of the shared config file of the Huawei Cloud CLI (KooCLI), the JSON file with `current` and `profiles` that the huaweicloud provider reads too. " +
				"Used for credentials only when neither the provider block nor the environment has an access key. " +
				"Defaults to `~/.hcloud/config.json` when `profile` is set. Can also be set with `HW_SHARED_CONFIG_FILE`.",
			Optional: true,
		},
		"profile": schema.StringAttribute{
			MarkdownDescription: "Name of the profile of the shared config file to use. Defaults to the file's `current` profile. " +
				"Profiles of mode `AKSK` and `SSO` give credentials; mode `ecsAgency` defers to the ECS metadata service; a profile's `agencyName` and `agencyDomainName` act as `assume_role` when no `assume_role` block is set. " +
				"When `region` (or `project_id`) is not set, the profile's `region` (and `projectId`) are used. Can also be set with `HW_PROFILE`.",
			Optional: true,
		},
	}
}

// assumeRoleBlock is the assume_role block.
func assumeRoleBlock() schema.Block {
	return schema.SingleNestedBlock{
		MarkdownDescription: "Act through an IAM agency: the credentials the chain finds are exchanged, on the first API call, for the agency's temporary credentials " +
			"(IAM `CreateTemporaryAccessKeyByAgency`), which are renewed before they expire. " +
			"Without this block, `HW_ASSUME_ROLE_AGENCY_NAME`, `HW_ASSUME_ROLE_DOMAIN_NAME` and `HW_ASSUME_ROLE_DURATION` set it.",
		Validators: []validator.Object{objectvalidator.AlsoRequires(
			path.MatchRelative().AtName("agency_name"), path.MatchRelative().AtName("domain_name"))},
		Attributes: map[string]schema.Attribute{
			"agency_name": schema.StringAttribute{
				MarkdownDescription: "Name of the agency to act through. Required in the block.",
				Optional:            true,
			},
			"domain_name": schema.StringAttribute{
				MarkdownDescription: "Name of the account (domain) that created the agency. Required in the block.",
				Optional:            true,
			},
			"duration": schema.Int64Attribute{
				MarkdownDescription: "How long the temporary credentials last, in seconds: 900 (15 minutes) to 86400 (24 hours). Defaults to `3600`. They are renewed before they expire.",
				Optional:            true,
				Validators:          []validator.Int64{int64validator.Between(900, 86400)},
			},
		},
	}
}

// assumeRoleModel is the assume_role block.
type assumeRoleModel struct {
	AgencyName types.String `tfsdk:"agency_name"`
	DomainName types.String `tfsdk:"domain_name"`
	Duration   types.Int64  `tfsdk:"duration"`
}

// credentialsConfig fills in the credentials chain from the provider block and the
// environment, and region and project id from the profile when they are unset. It reads
// at most a local file; no network call.
func (m providerModel) credentialsConfig(cfg *client.Config, getenv func(string) string, pick func(string, types.String, string) string) diag.Diagnostics {
	var diags diag.Diagnostics
	cfg.EnvCredentials = client.Credentials{
		AccessKey: getenv("HW_ACCESS_KEY"), SecretKey: getenv("HW_SECRET_KEY"), SecurityToken: getenv("HW_SECURITY_TOKEN"),
	}
	cfg.SharedConfigFile = pick("shared_config_file", m.SharedConfigFile, "HW_SHARED_CONFIG_FILE")
	cfg.Profile = pick("profile", m.Profile, "HW_PROFILE")
	if (cfg.SharedConfigFile != "" || cfg.Profile != "") && (cfg.Region == "" || cfg.ProjectID == "") {
		p, err := client.LoadProfile(cfg.SharedConfigFile, cfg.Profile)
		switch {
		case err != nil && cfg.Region == "":
			diags.AddAttributeError(path.Root("profile"), "Cannot read the shared config file",
				"region is not set, and the profile cannot be read for it: "+err.Error())
		case err != nil: // reported by the credentials chain, if it gets that far
		case cfg.Region == "":
			cfg.Region, cfg.ProjectID = p.Region, orValue(cfg.ProjectID, p.ProjectID)
		case cfg.ProjectID == "" && (p.Region == "" || p.Region == cfg.Region):
			cfg.ProjectID = p.ProjectID
		}
	}
	switch role := m.AssumeRole; {
	case role != nil:
		cfg.AssumeRole = &client.AssumeRole{
			AgencyName: role.AgencyName.ValueString(), DomainName: role.DomainName.ValueString(),
			Duration: time.Duration(role.Duration.ValueInt64()) * time.Second,
		}
	case getenv("HW_ASSUME_ROLE_AGENCY_NAME") != "":
		cfg.AssumeRole = &client.AssumeRole{AgencyName: getenv("HW_ASSUME_ROLE_AGENCY_NAME"), DomainName: getenv("HW_ASSUME_ROLE_DOMAIN_NAME")}
		if cfg.AssumeRole.DomainName == "" {
			diags.AddError("Missing HW_ASSUME_ROLE_DOMAIN_NAME",
				"HW_ASSUME_ROLE_AGENCY_NAME is set: set HW_ASSUME_ROLE_DOMAIN_NAME to the account (domain) that created the agency too.")
		}
		if s := getenv("HW_ASSUME_ROLE_DURATION"); s != "" {
			secs, err := strconv.Atoi(s)
			if err != nil || secs < 900 || secs > 86400 {
				diags.AddError("Invalid HW_ASSUME_ROLE_DURATION",
					"HW_ASSUME_ROLE_DURATION must be a number of seconds from 900 to 86400, got "+strconv.Quote(s)+".")
			}
			cfg.AssumeRole.Duration = time.Duration(secs) * time.Second
		}
	}
	return diags
}

func orValue(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
