// Package acctest is the acceptance-test harness: an in-process emulator per test (or, in real
// mode, the account the HW_* environment names), provider factories pointed at it, random
// name prefixes, the one gate for emulator-only checks (EmulatorOnly), the leftover listing
// and sweep of make sweep, and helpers for configurations and API request counts.
package acctest

import (
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/protoserver"
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

// Env is one test's world: a provider configured against its own emulator or, in real mode
// (RealMode), against the account the HW_* environment names. What only the emulator can
// do or tell is reached through EmulatorOnly, which skips it against a real account; a
// test whose subject is an emulator hook takes an EmulatedEnv instead.
type Env struct {
	emu    *emulator.Emulator // nil in real mode
	url    string             // the emulator's address; "" in real mode
	prefix string             // start of every object name (Name)
	// ConsistencyWindow is the provider's consistency window (default ConsistencyWindow;
	// in real mode HUAWEIDATA_ACC_CONSISTENCY_WINDOW, else the provider's default); tests
	// with long consistency delays and retries set it longer.
	ConsistencyWindow time.Duration
	// MetadataEndpoint is where the provider asks the ECS/CCE metadata service for
	// credentials when no other source has any (default NoMetadataEndpoint); tests of the
	// metadata source set it to the emulator's URL. Unused in real mode.
	MetadataEndpoint string
}

// NoMetadataEndpoint is an address nothing listens on: a provider without credentials in
// a test fails at once instead of asking the real metadata address.
const NoMetadataEndpoint = "http://127.0.0.1:1"

// NewEnv starts an emulator for the test and stops it when the test ends; in real mode it
// configures the provider from the environment instead. It fails the test when the
// Terraform CLI is missing: acceptance tests are never skipped silently.
func NewEnv(t *testing.T) *Env {
	t.Helper()
	if RealMode() {
		return newRealEnv(t)
	}
	return newEmulatorEnv(t, 1)
}

func newEmulatorEnv(t *testing.T, seed int64) *Env {
	t.Helper()
	RequireTerraform(t)
	emu, err := emulator.New(emulator.Options{Speed: EmulatorSpeed, Seed: seed, Faults: emulator.Faults{ConsistencyDelay: ConsistencyDelay}})
	if err != nil {
		t.Fatalf("starting emulator: %v", err)
	}
	srv := httptest.NewServer(emu)
	t.Cleanup(srv.Close)
	return &Env{emu: emu, url: srv.URL, prefix: newNamePrefix(), ConsistencyWindow: ConsistencyWindow, MetadataEndpoint: NoMetadataEndpoint}
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

// ProviderFactories returns the provider, served in-process. Against the emulator, waits
// and retries are shortened for its fast clock; in real mode the provider runs with its
// defaults, as a user's would.
func (e *Env) ProviderFactories() map[string]func() (tfprotov6.ProviderServer, error) {
	tune := func(c *client.Config) {
		if e.ConsistencyWindow > 0 {
			c.ConsistencyWindow = e.ConsistencyWindow
		}
		if e.emu == nil {
			return
		}
		c.PollMinDelay = 20 * time.Millisecond
		c.PollMaxDelay = 200 * time.Millisecond
		c.RetryBaseDelay = 10 * time.Millisecond
		c.RetryMaxDelay = 100 * time.Millisecond
		c.RateLimit = 1000
		c.MetadataEndpoint = e.MetadataEndpoint
	}
	// Served as main.go serves it (internal/protoserver), so the tests cover that wrapper too.
	serve := protoserver.New(provider.New("test", tune))
	return map[string]func() (tfprotov6.ProviderServer, error){
		"huaweidata": func() (tfprotov6.ProviderServer, error) { return serve(), nil },
	}
}

// ProviderBlock is the provider configuration: pointing at the emulator, or, in real mode,
// empty (everything comes from the HW_* environment).
func (e *Env) ProviderBlock() string {
	if e.emu == nil {
		return "\nprovider \"huaweidata\" {}\n"
	}
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
`, emulator.DemoRegion, emulator.DemoProjectID, emulator.DemoAccessKey, emulator.DemoSecretKey, e.url)
}

// Config prepends the provider block to a test configuration.
func (e *Env) Config(body string) string { return e.ProviderBlock() + body }

// Client returns an API client for checks made outside Terraform (out-of-band changes,
// CheckDestroy): pointed at the emulator, or in real mode configured from the environment.
func (e *Env) Client(t *testing.T) *client.Client {
	t.Helper()
	cfg := client.Config{
		Region:       emulator.DemoRegion,
		ProjectID:    emulator.DemoProjectID,
		AccessKey:    emulator.DemoAccessKey,
		SecretKey:    emulator.DemoSecretKey,
		Endpoints:    map[client.Service]string{client.ServiceDLI: e.url, client.ServiceIAM: e.url, client.ServiceDataArts: e.url},
		MaxRetries:   MaxRetries,
		PollMinDelay: 20 * time.Millisecond,
		PollMaxDelay: 200 * time.Millisecond,
	}
	if e.emu == nil {
		cfg = RealClientConfig()
	}
	cfg.ListCacheTTL = time.Nanosecond // checks always see the current state
	c, err := client.New(cfg)
	if err != nil {
		t.Fatalf("building client: %v", err)
	}
	return c
}

// SetFaults sets the emulator's injected faults, keeping the default ConsistencyDelay when
// f sets none: SetFaults(emulator.Faults{}) goes back to a well-behaved but eventually
// consistent cloud.
func (e *EmulatedEnv) SetFaults(f emulator.Faults) {
	if f.ConsistencyDelay == 0 {
		f.ConsistencyDelay = ConsistencyDelay
	}
	e.Emulator.SetFaults(f)
}

// URL is the address of the test's emulator, for provider blocks a test writes itself.
func (e *EmulatedEnv) URL() string { return e.url }
