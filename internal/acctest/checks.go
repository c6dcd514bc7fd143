package acctest

import (
	"context"
	"fmt"
	"maps"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

// CheckDestroyed returns a CheckDestroy that fails for every resource of resourceType whose
// lookup (by id) does not report not-found.
func CheckDestroyed(resourceType string, lookup func(ctx context.Context, id string) error) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		for _, rs := range s.RootModule().Resources {
			if rs.Type != resourceType {
				continue
			}
			if err := lookup(context.Background(), rs.Primary.ID); !client.IsNotFound(err) {
				return fmt.Errorf("%s %s still exists after destroy (lookup error: %w)", resourceType, rs.Primary.ID, err)
			}
		}
		return nil
	}
}

// ExpectAction is a plan check that the next apply does action to the resource at addr.
func ExpectAction(addr string, action plancheck.ResourceActionType) resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{
		PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, action)},
	}
}

// PlanError is a configuration that must fail at plan time with an error matching Want (a
// regular expression).
type PlanError struct {
	Config string
	Want   string
}

// ExpectPlanErrors plans each configuration as a parallel subtest and requires its error. A
// configuration without a provider block gets the emulator's. No API request may be sent.
func (e *Env) ExpectPlanErrors(t *testing.T, cases map[string]PlanError) {
	t.Helper()
	var before map[string]int
	e.WithEmulator(func(emu *emulator.Emulator) { before = emu.RequestCounts() })
	// The group returns when every parallel case has finished.
	t.Run("plan_errors", func(t *testing.T) {
		for name, tc := range cases {
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				resource.Test(t, resource.TestCase{
					ProtoV6ProviderFactories: e.ProviderFactories(),
					Steps: []resource.TestStep{{
						Config:      e.withProvider(tc.Config),
						PlanOnly:    true,
						ExpectError: regexp.MustCompile(tc.Want),
					}},
				})
			})
		}
	})
	err := e.EmulatorOnly(func(emu *emulator.Emulator) error {
		if after := emu.RequestCounts(); !maps.Equal(before, after) {
			return fmt.Errorf("plan-time validation sent API requests: counts went from %v to %v", before, after)
		}
		return nil
	})
	if err != nil {
		t.Error(err)
	}
}

func (e *Env) withProvider(config string) string {
	if strings.Contains(config, `provider "huaweidata"`) {
		return config
	}
	return e.Config(config)
}
