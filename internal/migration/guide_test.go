package migration_test

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
)

var (
	resourceBlock = regexp.MustCompile(`(?m)^resource "(\w+)" "(\w+)"`)
	movedBlock    = regexp.MustCompile(`(?s)moved \{\s*from = (\S+)\s*to\s*= (\S+)\s*\}`)
)

// TestAccGuideExample applies the migration guide's "after" module (its moved blocks have
// nothing to move here) and checks that its moved blocks lead from every resource of the
// "before" module to a resource of the "after" one.
func TestAccGuideExample(t *testing.T) {
	t.Parallel()
	before := acctest.ReadExample(t, filepath.Join("guides", "migrating", "before.tf"))
	after := acctest.ReadExample(t, filepath.Join("guides", "migrating", "after.tf"))
	declared := func(config string) map[string]bool {
		out := map[string]bool{}
		for _, m := range resourceBlock.FindAllStringSubmatch(config, -1) {
			out[m[1]+"."+m[2]] = true
		}
		return out
	}
	old, ours := declared(before), declared(after)
	moves := movedBlock.FindAllStringSubmatch(after, -1)
	if len(moves) != len(old) {
		t.Errorf("%d moved blocks for %d resources in before.tf", len(moves), len(old))
	}
	for _, m := range moves {
		if !old[m[1]] || !ours[m[2]] {
			t.Errorf("moved from %s to %s: want a resource of before.tf to one of after.tf", m[1], m[2])
		}
	}
	env := acctest.NewEmulatedEnv(t, "the guide's example with its documentation names")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             acctest.CheckNothingLeft(env.Env),
		Steps: []resource.TestStep{
			{Config: env.Config(after)},
			// The table is protected against deletion by default: unprotect it to clean up.
			{Config: env.Config(strings.Replace(after, `data_location = "DLI"`, `data_location = "DLI"
  deletion_protection = false`, 1))},
		},
	})
}
