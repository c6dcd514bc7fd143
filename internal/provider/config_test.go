package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
)

func fakeEnv(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func TestClientConfig_environmentFallbacks(t *testing.T) {
	m := providerModel{}
	cfg, diags := m.clientConfig(fakeEnv(map[string]string{
		"HW_REGION_NAME":    "ap-southeast-1",
		"HW_PROJECT_ID":     "p1",
		"HW_ACCESS_KEY":     "ak",
		"HW_SECRET_KEY":     "sk",
		"HW_SECURITY_TOKEN": "tok",
		"HW_DLI_ENDPOINT":   "http://127.0.0.1:1",
	}))
	if diags.HasError() {
		t.Fatalf("unexpected diagnostics: %v", diags)
	}
	env := cfg.EnvCredentials
	if cfg.Region != "ap-southeast-1" || cfg.ProjectID != "p1" || env.AccessKey != "ak" || env.SecretKey != "sk" || env.SecurityToken != "tok" {
		t.Errorf("environment not used: %+v", cfg)
	}
	if got := cfg.Endpoint(client.ServiceDLI); got != "http://127.0.0.1:1" {
		t.Errorf("dli endpoint = %q, want the HW_DLI_ENDPOINT value", got)
	}
	if got := cfg.Endpoint(client.ServiceIAM); got != "https://iam.ap-southeast-1.myhuaweicloud.com" {
		t.Errorf("iam endpoint = %q, want the regional default", got)
	}
	if cfg.MaxRetries != defaultMaxRetries {
		t.Errorf("max retries = %d, want default %d", cfg.MaxRetries, defaultMaxRetries)
	}
}

func TestClientConfig_blockWinsOverEnvironment(t *testing.T) {
	m := providerModel{
		Region:     types.StringValue("cn-north-4"),
		AccessKey:  types.StringValue("block-ak"),
		MaxRetries: types.Int64Value(0),
		Endpoints:  &endpointModel{DLI: types.StringValue("http://block:1")},
	}
	cfg, diags := m.clientConfig(fakeEnv(map[string]string{
		"HW_REGION_NAME": "env-region", "HW_ACCESS_KEY": "env-ak", "HW_DLI_ENDPOINT": "http://env:1",
	}))
	if diags.HasError() {
		t.Fatalf("unexpected diagnostics: %v", diags)
	}
	if cfg.Region != "cn-north-4" || cfg.AccessKey != "block-ak" || cfg.Endpoints[client.ServiceDLI] != "http://block:1" {
		t.Errorf("block values should win: %+v", cfg)
	}
	if cfg.MaxRetries != 0 {
		t.Errorf("max_retries = 0 in the block must be kept, got %d", cfg.MaxRetries)
	}
}

func TestClientConfig_missingRegion(t *testing.T) {
	_, diags := providerModel{}.clientConfig(fakeEnv(nil))
	if !diags.HasError() {
		t.Fatal("want an error for a missing region")
	}
	if got := diags.Errors()[0].Detail(); got == "" {
		t.Error("error has no detail")
	}
}

func TestClientConfig_unknownValue(t *testing.T) {
	m := providerModel{Region: types.StringValue("cn-north-4"), ProjectID: types.StringUnknown()}
	if _, diags := m.clientConfig(fakeEnv(nil)); !diags.HasError() {
		t.Fatal("want an error for a project_id only known after apply")
	}
}
