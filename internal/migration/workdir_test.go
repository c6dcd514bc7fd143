package migration_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/hashicorp/terraform-exec/tfexec"
	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
)

// workdir is a Terraform working directory whose commands reach this provider and the
// incumbent's stand-in, both served in-process. The test drives the CLI itself (not
// terraform-plugin-testing) because it must put the incumbent's state file in place.
type workdir struct {
	t        *testing.T
	dir      string
	tf       *tfexec.Terraform
	reattach tfexec.ReattachInfo
}

func newWorkdir(t *testing.T, env *acctest.Env) *workdir {
	t.Helper()
	dir := t.TempDir()
	tf, err := tfexec.NewTerraform(dir, acctest.TerraformPath(t))
	if err != nil {
		t.Fatal(err)
	}
	tf.SetStdout(acctest.LogWriter(t)) // shown when the test fails
	ours := env.ProviderFactories()["huaweidata"]
	return &workdir{t: t, dir: dir, tf: tf, reattach: tfexec.ReattachInfo{
		"registry.terraform.io/huaweidata/huaweidata": acctest.ServeProvider(t, "registry.terraform.io/huaweidata/huaweidata", func() tfprotov6.ProviderServer {
			s, err := ours()
			if err != nil {
				t.Error(err)
			}
			return s
		}),
		"registry.terraform.io/huaweicloud/huaweicloud": acctest.ServeProvider(t, "registry.terraform.io/huaweicloud/huaweicloud",
			providerserver.NewProtocol6(incumbentStandIn{})),
	}}
}

func (w *workdir) write(name, content string) {
	w.t.Helper()
	if err := os.WriteFile(filepath.Join(w.dir, name), []byte(content), 0o600); err != nil {
		w.t.Fatal(err)
	}
}

func (w *workdir) must(err error, what string) {
	w.t.Helper()
	if err != nil {
		w.t.Fatalf("terraform %s: %v", what, err)
	}
}

func (w *workdir) init() {
	w.t.Helper()
	w.must(w.tf.Init(context.Background(), tfexec.Reattach(w.reattach)), "init")
}

func (w *workdir) apply() {
	w.t.Helper()
	w.must(w.tf.Apply(context.Background(), tfexec.Reattach(w.reattach)), "apply")
}

func (w *workdir) destroy() {
	w.t.Helper()
	w.must(w.tf.Destroy(context.Background(), tfexec.Reattach(w.reattach)), "destroy")
}

// plan saves a plan to a file and returns it as Terraform shows it.
func (w *workdir) plan() *tfjson.Plan {
	w.t.Helper()
	ctx := context.Background()
	_, err := w.tf.Plan(ctx, tfexec.Out("tfplan"), tfexec.Reattach(w.reattach))
	w.must(err, "plan")
	p, err := w.tf.ShowPlanFile(ctx, "tfplan", tfexec.Reattach(w.reattach))
	w.must(err, "show")
	return p
}

// applyPlan applies the plan saved by plan.
func (w *workdir) applyPlan() {
	w.t.Helper()
	w.must(w.tf.Apply(context.Background(), tfexec.DirOrPlan("tfplan"), tfexec.Reattach(w.reattach)), "apply tfplan")
}

// state returns the state file as JSON.
func (w *workdir) state() tfState {
	w.t.Helper()
	return readState(w.t, filepath.Join(w.dir, "terraform.tfstate"))
}

func (w *workdir) putState(s tfState) {
	w.t.Helper()
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		w.t.Fatal(err)
	}
	w.write("terraform.tfstate", string(data))
}

// requiredProviders names both providers; the state names the incumbent's.
const requiredProviders = `
terraform {
  required_providers {
    huaweidata  = { source = "huaweidata/huaweidata" }
    huaweicloud = { source = "huaweicloud/huaweicloud" }
  }
}
`

// tfState is the part of a Terraform state file the test reads and rewrites.
type tfState map[string]any

// instance is one resource instance of a state: its type, name and attributes (shared
// with the state, so changing them changes the state).
type instance struct {
	typ, name string
	attrs     map[string]any
}

func (s tfState) instances() []instance {
	var out []instance
	resources, _ := s["resources"].([]any)
	for _, r := range resources {
		res, _ := r.(map[string]any)
		typ, _ := res["type"].(string)
		name, _ := res["name"].(string)
		list, _ := res["instances"].([]any)
		for _, i := range list {
			inst, _ := i.(map[string]any)
			attrs, _ := inst["attributes"].(map[string]any)
			out = append(out, instance{typ: typ, name: name, attrs: attrs})
		}
	}
	return out
}

func readState(t *testing.T, path string) tfState {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var s tfState
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return s
}

// changes lists the resources a plan changes, with their actions.
func changes(p *tfjson.Plan) []string {
	var out []string
	for _, rc := range p.ResourceChanges {
		if !rc.Change.Actions.NoOp() {
			out = append(out, fmt.Sprintf("%s: %v", rc.Address, rc.Change.Actions))
		}
	}
	return out
}
