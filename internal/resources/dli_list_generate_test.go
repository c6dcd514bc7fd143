package resources_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-exec/tfexec"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
)

// TestAccQueryGenerateConfig: the configuration `terraform query -generate-config-out`
// writes for a whole estate imports every object and plans no change, and after the
// import the same configuration plans nothing at all. In real mode the query is scoped to
// the test's objects (listScope), so it imports exactly those.
func TestAccQueryGenerateConfig(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	skipBelowQuery(t, env)
	seedEstate(t, env)
	want := estateQueues + estateVariables + estateDatabases + estateDatabases*estateTables + estateFlinkJobs + estateConnections
	generateAndImport(t, env, estateQuery(env, ""), want, func(generated string) {
		// Results come in a stable order, by name, whatever order DLI lists in (jobs by id,
		// the reverse here): Terraform numbers the generated resources in that order.
		for i := range estateFlinkJobs {
			block := generatedBlock(generated, fmt.Sprintf("huaweidata_dli_flink_sql_job.all_%d", i))
			job := env.Name(fmt.Sprintf("job%02d", i))
			if !regexp.MustCompile(fmt.Sprintf(`\n\s*name\s*=\s*"%s"\n`, regexp.QuoteMeta(job))).MatchString(block) {
				t.Errorf("all_%d is not %s:\n%s", i, job, block)
			}
		}
		if strings.Contains(generated, "secret-") {
			t.Errorf("the generated configuration holds a variable's value:\n%s", generated)
		}
	})
}

// generateAndImport runs `terraform query -generate-config-out` with query, checks that the
// configuration generated imports want objects and changes nothing, hands it to inspect,
// applies the import and checks that the same configuration then plans nothing at all.
func generateAndImport(t *testing.T, env *acctest.Env, query string, want int, inspect func(generated string)) {
	t.Helper()
	w := env.NewWorkdir(t)
	w.Write("main.tf", `
terraform {
  required_providers {
    huaweidata = { source = "huaweidata/huaweidata" }
  }
}
`+env.ProviderBlock())
	w.Write("estate.tfquery.hcl", query)
	ctx := context.Background()
	w.Must(w.TF.Init(ctx, tfexec.Reattach(w.Reattach)), "init")
	if problems := w.Query(tfexec.GenerateConfigOut("generated.tf")); len(problems) > 0 {
		t.Fatalf("terraform query:\n  %s", strings.Join(problems, "\n  "))
	}
	generated := w.Read("generated.tf")
	if generated == "" {
		t.Fatalf("no configuration generated:\n%s", generated)
	}

	_, err := w.TF.Plan(ctx, tfexec.Out("tfplan"), tfexec.Reattach(w.Reattach))
	w.Must(err, "plan")
	plan, err := w.TF.ShowPlanFile(ctx, "tfplan", tfexec.Reattach(w.Reattach))
	w.Must(err, "show")
	var problems []string
	imports := 0
	for _, rc := range plan.ResourceChanges {
		switch {
		case !rc.Change.Actions.NoOp():
			problems = append(problems, fmt.Sprintf("%s: %v", rc.Address, rc.Change.Actions))
		case rc.Change.Importing != nil:
			imports++
		}
	}
	if len(problems) > 0 || imports != want {
		t.Fatalf("the generated configuration should import %d objects and change nothing; it imports %d and changes:\n  %s\ngenerated.tf:\n%s",
			want, imports, strings.Join(problems, "\n  "), generated)
	}
	inspect(generated)

	w.Must(w.TF.Apply(ctx, tfexec.DirOrPlan("tfplan"), tfexec.Reattach(w.Reattach)), "apply tfplan")
	changed, err := w.TF.Plan(ctx, tfexec.Reattach(w.Reattach))
	w.Must(err, "plan after import")
	if changed {
		t.Errorf("after the import, the generated configuration still plans changes")
	}
}

// generatedBlock returns the resource block of addr (type.name) in generated configuration.
func generatedBlock(generated, addr string) string {
	typ, name, _ := strings.Cut(addr, ".")
	_, rest, _ := strings.Cut(generated, fmt.Sprintf("resource %q %q {", typ, name))
	block, _, _ := strings.Cut(rest, "\n}\n")
	return block
}

// skipBelowQuery skips the test on a Terraform CLI without `terraform query` (before 1.14),
// as terraform-plugin-testing's version checks do.
func skipBelowQuery(t *testing.T, env *acctest.Env) {
	t.Helper()
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)},
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps:                    []resource.TestStep{{Config: env.Config(""), PlanOnly: true}},
	})
}
