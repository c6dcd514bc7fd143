package acctest

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
)

// RealConsistencyWindowEnv names the environment variable that sets the provider's
// consistency window in real mode (a Go duration, e.g. "10s"); unset, the provider's
// default applies.
const RealConsistencyWindowEnv = "HUAWEIDATA_ACC_CONSISTENCY_WINDOW"

// realModeVars are the environment variables real mode needs.
var realModeVars = []string{"HW_REGION_NAME", "HW_PROJECT_ID", "HW_ACCESS_KEY", "HW_SECRET_KEY"}

// newRealEnv is the Env of a test in real mode: no emulator, the provider and the client
// configured from the HW_* environment. It fails the test when a variable is missing.
func newRealEnv(t *testing.T) *Env {
	t.Helper()
	RequireTerraform(t)
	for _, v := range realModeVars {
		if os.Getenv(v) == "" {
			t.Fatalf("%s=1 runs the acceptance tests against the account the environment names: set %v (%s is not set)", RealModeEnv, realModeVars, v)
		}
	}
	e := &Env{prefix: newNamePrefix()}
	if s := os.Getenv(RealConsistencyWindowEnv); s != "" {
		d, err := time.ParseDuration(s)
		if err != nil {
			t.Fatalf("%s=%q is not a duration: %v", RealConsistencyWindowEnv, s, err)
		}
		e.ConsistencyWindow = d
	}
	return e
}

// RealClientConfig is the client configuration of real mode, from the same environment
// variables the provider reads: HW_REGION_NAME, HW_PROJECT_ID, HW_ACCESS_KEY,
// HW_SECRET_KEY, HW_SECURITY_TOKEN and the HW_*_ENDPOINT overrides.
func RealClientConfig() client.Config {
	eps := map[client.Service]string{}
	for s, v := range map[client.Service]string{
		client.ServiceDLI: "HW_DLI_ENDPOINT", client.ServiceDataArts: "HW_DATAARTS_ENDPOINT", client.ServiceIAM: "HW_IAM_ENDPOINT",
	} {
		if u := os.Getenv(v); u != "" {
			eps[s] = u
		}
	}
	return client.Config{
		Region:        os.Getenv("HW_REGION_NAME"),
		ProjectID:     os.Getenv("HW_PROJECT_ID"),
		AccessKey:     os.Getenv("HW_ACCESS_KEY"),
		SecretKey:     os.Getenv("HW_SECRET_KEY"),
		SecurityToken: os.Getenv("HW_SECURITY_TOKEN"),
		Endpoints:     eps,
		MaxRetries:    MaxRetries,
	}
}

// checkNoPrefixedObjects fails when any object whose name starts with the test's prefix is
// left in the account: the real-mode CheckNothingLeft.
func (e *Env) checkNoPrefixedObjects() error {
	c, err := client.New(RealClientConfig())
	if err != nil {
		return err
	}
	left, err := Leftovers(context.Background(), c, e.prefix)
	if err != nil {
		return fmt.Errorf("listing what is left after destroy: %w", err)
	}
	if len(left) > 0 {
		return fmt.Errorf("left in the account after destroy: %v", left)
	}
	return nil
}
