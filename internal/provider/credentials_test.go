package provider

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func sharedConfigFile(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.json")
	const body = `{"current":"dev","profiles":[{"name":"dev","accessKeyId":"AK","secretAccessKey":"SK","region":"ap-southeast-1","projectId":"pid-ap"}]}`
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// The arguments of the chain come from the block, else the environment; the environment's
// keys are the chain's second link, never mixed into the arguments.
func TestClientConfig_credentialsChainSettings(t *testing.T) {
	file := sharedConfigFile(t)
	cfg, diags := providerModel{Region: types.StringValue("cn-north-4")}.clientConfig(fakeEnv(map[string]string{
		"HW_ACCESS_KEY": "env-ak", "HW_SECRET_KEY": "env-sk",
		"HW_SHARED_CONFIG_FILE": file, "HW_PROFILE": "dev",
		"HW_ASSUME_ROLE_AGENCY_NAME": "ci", "HW_ASSUME_ROLE_DOMAIN_NAME": "partner", "HW_ASSUME_ROLE_DURATION": "7200",
	}))
	if diags.HasError() {
		t.Fatalf("diagnostics: %v", diags)
	}
	if cfg.AccessKey != "" || cfg.EnvCredentials.AccessKey != "env-ak" || cfg.EnvCredentials.SecretKey != "env-sk" {
		t.Errorf("arguments %q, environment %v", cfg.AccessKey, cfg.EnvCredentials)
	}
	if cfg.SharedConfigFile != file || cfg.Profile != "dev" {
		t.Errorf("shared config %q profile %q", cfg.SharedConfigFile, cfg.Profile)
	}
	if r := cfg.AssumeRole; r == nil || r.AgencyName != "ci" || r.DomainName != "partner" || r.Duration != 2*time.Hour {
		t.Errorf("assume role from the environment: %+v", r)
	}

	block := providerModel{
		Region:     types.StringValue("cn-north-4"),
		AssumeRole: &assumeRoleModel{AgencyName: types.StringValue("blk"), DomainName: types.StringValue("d"), Duration: types.Int64Null()},
	}
	cfg, _ = block.clientConfig(fakeEnv(map[string]string{"HW_ASSUME_ROLE_AGENCY_NAME": "env"}))
	if r := cfg.AssumeRole; r == nil || r.AgencyName != "blk" || r.Duration != 0 {
		t.Errorf("the block wins over the environment: %+v", r)
	}

	_, diags = providerModel{Region: types.StringValue("cn-north-4")}.clientConfig(fakeEnv(map[string]string{
		"HW_ASSUME_ROLE_AGENCY_NAME": "ci", "HW_ASSUME_ROLE_DURATION": "60",
	}))
	if len(diags.Errors()) != 2 || !strings.Contains(diags.Errors()[0].Detail(), "HW_ASSUME_ROLE_DOMAIN_NAME") ||
		!strings.Contains(diags.Errors()[1].Detail(), "900 to 86400") {
		t.Errorf("want errors for the missing HW_ASSUME_ROLE_DOMAIN_NAME and HW_ASSUME_ROLE_DURATION=60, got %v", diags)
	}
}

// Without region, the profile's region and project id are used; a set region keeps its
// own project lookup unless the profile is for the same region.
func TestClientConfig_regionFromProfile(t *testing.T) {
	file := sharedConfigFile(t)
	cfg, diags := providerModel{SharedConfigFile: types.StringValue(file)}.clientConfig(fakeEnv(nil))
	if diags.HasError() || cfg.Region != "ap-southeast-1" || cfg.ProjectID != "pid-ap" {
		t.Errorf("region %q project %q, %v", cfg.Region, cfg.ProjectID, diags)
	}
	cfg, _ = providerModel{Region: types.StringValue("cn-north-4"), SharedConfigFile: types.StringValue(file)}.clientConfig(fakeEnv(nil))
	if cfg.Region != "cn-north-4" || cfg.ProjectID != "" {
		t.Errorf("another region must not take the profile's project: region %q project %q", cfg.Region, cfg.ProjectID)
	}
	_, diags = providerModel{Profile: types.StringValue("dev"), SharedConfigFile: types.StringValue(file + ".none")}.clientConfig(fakeEnv(nil))
	if !diags.HasError() || !strings.Contains(diags.Errors()[0].Detail(), "does not exist") {
		t.Errorf("want an error naming the missing file, got %v", diags)
	}
}
