// Package acctest is the acceptance-test harness: an in-process emulator, provider factories
// pointed at it, and helpers for configurations and API request counts.
package acctest

import (
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/provider"
)

// EmulatorSpeed makes the emulated clock run fast enough that a queue provisions (300
// emulated seconds) in half a real second.
const EmulatorSpeed = 600

// ConsistencyWindow is the provider's consistency window in acceptance tests: longer than
// the emulator's consistency delay, short enough that a test of an object deleted outside
// Terraform does not wait long before the provider removes it from state.
const ConsistencyWindow = 3 * time.Second

// ConsistencyDelay is how long new objects stay invisible to reads in every acceptance
// test, unless a test sets its own: the real service makes objects visible late, so no
// resource may rely on reading its object back at once.
const ConsistencyDelay = 500 * time.Millisecond

// Env is one test's world: its own emulator and a provider configured against it.
type Env struct {
	Emulator *emulator.Emulator
	URL      string
	// ConsistencyWindow is the provider's consistency window (default ConsistencyWindow);
	// tests with long consistency delays and retries set it longer.
	ConsistencyWindow time.Duration
	// MetadataEndpoint is where the provider asks the ECS/CCE metadata service for
	// credentials when no other source has any (default NoMetadataEndpoint); tests of the
	// metadata source set it to URL.
	MetadataEndpoint string
}

// NoMetadataEndpoint is an address nothing listens on: a provider without credentials in
// a test fails at once instead of asking the real metadata address.
const NoMetadataEndpoint = "http://127.0.0.1:1"

// NewEnv starts an emulator for the test and stops it when the test ends. It fails the test
// when the Terraform CLI is missing: acceptance tests are never skipped silently.
func NewEnv(t *testing.T) *Env {
	t.Helper()
	return NewEnvSeeded(t, 1)
}

// NewEnvSeeded is NewEnv with the emulator's fault-injection randomness seeded by seed, so
// a run with injected faults can be replayed.
func NewEnvSeeded(t *testing.T, seed int64) *Env {
	t.Helper()
	if os.Getenv("HUAWEIDATA_ACC_REAL") == "1" {
		// make testacc: these tests assert through the emulator (request counts, injected
		// faults, out-of-band changes) and are not yet written for a real account. Say so
		// rather than run them against the emulator under a real-cloud banner.
		t.Skip("not run against real Huawei Cloud: this test needs the emulator (run make test)")
	}
	RequireTerraform(t)
	emu, err := emulator.New(emulator.Options{Speed: EmulatorSpeed, Seed: seed, Faults: emulator.Faults{ConsistencyDelay: ConsistencyDelay}})
	if err != nil {
		t.Fatalf("starting emulator: %v", err)
	}
	srv := httptest.NewServer(emu)
	t.Cleanup(srv.Close)
	return &Env{Emulator: emu, URL: srv.URL, ConsistencyWindow: ConsistencyWindow, MetadataEndpoint: NoMetadataEndpoint}
}

// RequireTerraform fails the test, with a clear message, when the Terraform CLI is not on PATH.
func RequireTerraform(t *testing.T) {
	t.Helper()
	if os.Getenv("TF_ACC_TERRAFORM_PATH") != "" {
		return
	}
	if _, err := exec.LookPath("terraform"); err != nil {
		t.Fatal("the Terraform CLI is not on PATH: acceptance tests need it (install Terraform >= 1.11, or set TF_ACC_TERRAFORM_PATH)")
	}
}

// ProviderFactories returns the provider, served in-process, with waits and retries shortened
// for the emulator's fast clock.
func (e *Env) ProviderFactories() map[string]func() (tfprotov6.ProviderServer, error) {
	fast := func(c *client.Config) {
		c.PollMinDelay = 20 * time.Millisecond
		c.PollMaxDelay = 200 * time.Millisecond
		c.RetryBaseDelay = 10 * time.Millisecond
		c.RetryMaxDelay = 100 * time.Millisecond
		c.RateLimit = 1000
		c.ConsistencyWindow = e.ConsistencyWindow
		c.MetadataEndpoint = e.MetadataEndpoint
	}
	return map[string]func() (tfprotov6.ProviderServer, error){
		"huaweidata": providerserver.NewProtocol6WithError(provider.New("test", fast)()),
	}
}

// ProviderBlock is the provider configuration pointing at the emulator.
func (e *Env) ProviderBlock() string {
	return fmt.Sprintf(`
provider "huaweidata" {
  region     = %q
  project_id = %q
  access_key = %q
  secret_key = %q
  endpoints = {
    dli      = %[5]q
    dataarts = %[5]q
    iam      = %[5]q
  }
}
`, emulator.DemoRegion, emulator.DemoProjectID, emulator.DemoAccessKey, emulator.DemoSecretKey, e.URL)
}

// Config prepends the provider block to a test configuration.
func (e *Env) Config(body string) string { return e.ProviderBlock() + body }

// Count returns how many requests of an operation (the SDK's method name) the emulator has
// received.
func (e *Env) Count(operation string) int { return e.Emulator.RequestCounts()[operation] }

// Client returns an API client pointed at the emulator, for checks made outside Terraform
// (out-of-band changes, CheckDestroy).
func (e *Env) Client(t *testing.T) *client.Client {
	t.Helper()
	c, err := client.New(client.Config{
		Region:       emulator.DemoRegion,
		ProjectID:    emulator.DemoProjectID,
		AccessKey:    emulator.DemoAccessKey,
		SecretKey:    emulator.DemoSecretKey,
		Endpoints:    map[client.Service]string{client.ServiceDLI: e.URL, client.ServiceIAM: e.URL, client.ServiceDataArts: e.URL},
		MaxRetries:   MaxRetries,
		PollMinDelay: 20 * time.Millisecond,
		PollMaxDelay: 200 * time.Millisecond,
		ListCacheTTL: time.Nanosecond, // checks always see the emulator's current state
	})
	if err != nil {
		t.Fatalf("building client: %v", err)
	}
	return c
}

// SetFaults sets the emulator's injected faults, keeping the default ConsistencyDelay when
// f sets none: SetFaults(emulator.Faults{}) goes back to a well-behaved but eventually
// consistent cloud.
func (e *Env) SetFaults(f emulator.Faults) {
	if f.ConsistencyDelay == 0 {
		f.ConsistencyDelay = ConsistencyDelay
	}
	e.Emulator.SetFaults(f)
}
