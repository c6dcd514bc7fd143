package datasources_test

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

func TestMain(m *testing.M) { acctest.Main(m) }

// withDataArts is the test's provider block with a dataarts block holding the default
// fixture's instance and workspace, followed by body. (In real mode the provider block is
// empty, "provider "huaweidata" {}", and gets the dataarts block all the same: the tests
// that read DataArts need the emulator's fixture, the others only plan.)
func withDataArts(env *acctest.Env, body string) string {
	block := fmt.Sprintf("provider \"huaweidata\" {\n  dataarts = {\n    instance_id  = %q\n    workspace_id = %q\n  }\n",
		emulator.DemoDataArtsInstanceID, emulator.DemoDataArtsWorkspaceID)
	pb := strings.Replace(env.ProviderBlock(), "provider \"huaweidata\" {}", "provider \"huaweidata\" {\n}", 1)
	return strings.Replace(pb, "provider \"huaweidata\" {\n", block, 1) + body
}

// expectAttr is statecheck.ExpectKnownValue with the attribute path written as Terraform
// prints it: "edges.3.source_table" (a number indexes a list, a name an object or a map).
func expectAttr(addr, attrPath string, check knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(addr, pathOf(attrPath), check)
}

// containsObject checks that a list holds, at any index, an object with these attribute
// values (knownvalue.SetPartial matches the elements of any JSON array in any order).
func containsObject(attrs map[string]knownvalue.Check) knownvalue.Check {
	return knownvalue.SetPartial([]knownvalue.Check{knownvalue.ObjectPartial(attrs)})
}

// readsOf checks that the emulator saw a whole number (at least one) of reads of perRead
// calls each: Terraform reads a data source several times per test step. Emulator-only.
func readsOf(env *acctest.Env, op string, perRead int) statecheck.StateCheck {
	return env.CheckEmulator(func(_ context.Context, emu *emulator.Emulator) error {
		got := emu.RequestCounts()[op]
		if perRead <= 0 || got == 0 || got%perRead != 0 {
			return fmt.Errorf("%s: %d calls, want a multiple of %d (one read = %d calls)", op, got, perRead, perRead)
		}
		return nil
	})
}

// includes checks that a list holds, in any order and among any others, objects with these
// names: what a list of a whole collection can promise on a shared account.
func includes(ns ...string) knownvalue.Check {
	checks := make([]knownvalue.Check, len(ns))
	for i, n := range ns {
		checks[i] = knownvalue.ObjectPartial(map[string]knownvalue.Check{"name": knownvalue.StringExact(n)})
	}
	return knownvalue.SetPartial(checks)
}

// regexpOf compiles a pattern of a test.
func regexpOf(pattern string) *regexp.Regexp { return regexp.MustCompile(pattern) }

// pathOf is the tfjsonpath of an attribute path written as Terraform prints it (see expectAttr).
func pathOf(attrPath string) tfjsonpath.Path {
	parts := strings.Split(attrPath, ".")
	p := tfjsonpath.New(parts[0])
	for _, s := range parts[1:] {
		if i, err := strconv.Atoi(s); err == nil {
			p = p.AtSliceIndex(i)
		} else {
			p = p.AtMapKey(s)
		}
	}
	return p
}
