package migration_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-exec/tfexec"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
)

// TestAccGenerateConfig: this provider's equivalent of every incumbent configuration (and of
// every other incumbent resource it moves from) applies and re-plans empty; then, for its objects, `import` blocks
// and `terraform plan -generate-config-out` write a configuration that plans nothing but the
// imports, and after the import apply the plan is empty.
func TestAccGenerateConfig(t *testing.T) {
	shapes := map[string]string{}
	for name, shape := range incumbentShapes {
		shapes[name] = shape
	}
	for name, c := range incumbentWritten {
		shapes[name] = c.shape
	}
	names := make([]string, 0, len(shapes))
	for name := range shapes {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		shape := shapes[name]
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			testGenerateConfig(t, shapeEnv(t, name), shape)
		})
	}
}

func testGenerateConfig(t *testing.T, env *acctest.Env, shape string) {
	made := newWorkdir(t, env)
	made.write("main.tf", requiredProviders+env.Config(prefixNames(env, shape)))
	made.init()
	made.apply()
	if p := made.plan(); len(changes(p)) > 0 {
		t.Fatalf("the plan after the first apply is not empty: %v", changes(p))
	}
	settle(env) // the objects exist well before they are imported

	w := newWorkdir(t, env)
	w.write("main.tf", requiredProviders+env.ProviderBlock()+importBlocks(t, made.state()))
	w.init()
	ctx := context.Background()
	if _, err := w.tf.Plan(ctx, tfexec.GenerateConfigOut("generated.tf"), tfexec.Reattach(w.reattach)); err != nil {
		generated, _ := os.ReadFile(filepath.Join(w.dir, "generated.tf"))
		t.Fatalf("terraform plan -generate-config-out: %v\ngenerated.tf:\n%s", err, generated)
	}
	p := w.plan()
	var problems []string
	for _, rc := range p.ResourceChanges {
		if rc.Change.Importing == nil || !rc.Change.Actions.NoOp() {
			problems = append(problems, fmt.Sprintf("%s: %v (importing: %v)", rc.Address, rc.Change.Actions, rc.Change.Importing != nil))
		}
	}
	if len(problems) > 0 {
		generated, _ := os.ReadFile(filepath.Join(w.dir, "generated.tf"))
		t.Fatalf("the generated configuration plans more than imports:\n  %s\ngenerated.tf:\n%s", strings.Join(problems, "\n  "), generated)
	}
	w.applyPlan()
	if p := w.plan(); len(changes(p)) > 0 {
		t.Fatalf("the plan after the import is not empty: %v", changes(p))
	}
	made.destroy() // its configuration turns off the tables' deletion protection
	if err := acctest.CheckNothingLeft(env)(nil); err != nil {
		t.Fatal(err)
	}
}

// importBlocks imports every resource of a state by the id it has there.
func importBlocks(t *testing.T, s tfState) string {
	t.Helper()
	var b strings.Builder
	for _, inst := range s.instances() {
		fmt.Fprintf(&b, "\nimport {\n  to = %s.%s\n  id = %q\n}\n", inst.typ, inst.name, inst.attrs["id"])
	}
	if b.Len() == 0 {
		t.Fatal("the state holds no resource to import")
	}
	return b.String()
}
