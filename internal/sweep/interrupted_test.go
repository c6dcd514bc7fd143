package sweep_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-exec/tfexec"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

// interruptedConfig creates objects of several kinds, all named with the test's prefix;
// the Flink job waits for its queue, the pooled queue for its pool.
func interruptedConfig(env *acctest.EmulatedEnv) string {
	return fmt.Sprintf(`
terraform {
  required_providers {
    huaweidata = { source = "huaweidata/huaweidata" }
  }
}
%s
resource "huaweidata_dli_global_variable" "v" {
  name  = %q
  value = "x"
}

resource "huaweidata_dli_database" "db" {
  name = %q
}

resource "huaweidata_dli_sql_template" "t" {
  name = %q
  sql  = "SELECT 1"
}

resource "huaweidata_dli_flink_template" "t" {
  name = %q
  sql  = "SELECT 1"
}

resource "huaweidata_dli_datasource_auth" "a" {
  name      = %q
  type      = "KRB"
  username  = "hive/mrs@EXAMPLE.COM"
  krb5_conf = "obs://certs/krb5.conf"
  keytab    = "obs://certs/hive.keytab"
}

resource "huaweidata_dli_queue" "q" {
  name       = %q
  cu_count   = 16
  queue_type = "general"
}

resource "huaweidata_dli_flink_sql_job" "j" {
  name       = %q
  sql        = "INSERT INTO sink SELECT 1;"
  queue_name = huaweidata_dli_queue.q.name
  run_mode   = "exclusive_cluster"
}

resource "huaweidata_dli_elastic_resource_pool" "p" {
  name   = %q
  min_cu = 64
  max_cu = 64
}

resource "huaweidata_dli_queue" "pooled" {
  name                       = %q
  cu_count                   = 16
  queue_type                 = "general"
  elastic_resource_pool_name = huaweidata_dli_elastic_resource_pool.p.name
}
`, env.ProviderBlock(), env.Name("var"), env.Name("db"), env.Name("sqlt"), env.Name("flinkt"), env.Name("auth"),
		env.Name("q"), env.Name("job"), env.Name("pool"), env.Name("pooled"))
}

// TestSweep_interruptedRun kills a terraform apply once the emulator holds some of its
// objects, so they are left without (complete) state, next to an object of someone else's
// (no prefix). The dry run lists the prefixed ones and deletes nothing; the sweep deletes
// them all and leaves the other one.
func TestSweep_interruptedRun(t *testing.T) {
	env := acctest.NewEmulatedEnv(t, "interrupts an apply and reads the emulator's inventory")
	env.SetFaults(emulator.Faults{ConsistencyDelay: time.Nanosecond})
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	c := env.Client(t)
	survivor := "survivor" + strings.TrimPrefix(env.Prefix(), acctest.NamePrefix)
	if err := c.CreateGlobalVariable(ctx, &model.CreateGlobalVariableRequestBody{VarName: survivor, VarValue: "kept"}); err != nil {
		t.Fatal(err)
	}

	state := interruptApply(ctx, t, env)
	if err := settle(ctx, env); err != nil {
		t.Fatal(err)
	}
	before := prefixed(env)
	t.Logf("left by the interrupted apply (%d in its state): %q", state, before)
	if len(before) < 3 || state >= len(before) {
		t.Fatalf("the interrupted apply left %d objects, %d of them in its state: want several, some without state", len(before), state)
	}

	listed, err := acctest.Sweep(ctx, c, acctest.NamePrefix, true, t.Logf)
	if err != nil {
		t.Fatalf("dry run: %v", err)
	}
	if len(listed) != len(before) {
		t.Errorf("the dry run listed %d objects, the emulator holds %d: %v", len(listed), len(before), listed)
	}
	if after := prefixed(env); !slices.Equal(after, before) {
		t.Fatalf("the dry run changed the inventory:\nbefore %q\nafter  %q", before, after)
	}

	if _, err := acctest.Sweep(ctx, c, acctest.NamePrefix, false, t.Logf); err != nil {
		t.Fatalf("sweep: %v", err)
	}
	if left := env.Emulator.Inventory().Leftovers(); !slices.Equal(left, []string{"global_variable " + survivor}) {
		t.Fatalf("after the sweep the emulator holds %q, want only the unprefixed global_variable %s", left, survivor)
	}
}

// interruptApply starts terraform apply and kills it (SIGKILL, as when a CI job is
// cancelled) once the emulator holds the variable, the database and the queue; the Flink
// job and the pooled queue still wait for theirs then. It returns how many resources the
// state written by then records (instances: Terraform lists every resource of the plan).
func interruptApply(ctx context.Context, t *testing.T, env *acctest.EmulatedEnv) int {
	t.Helper()
	w := env.NewWorkdir(t)
	w.Write("main.tf", interruptedConfig(env))
	w.Must(w.TF.Init(ctx, tfexec.Reattach(w.Reattach)), "init")
	reattach, err := json.Marshal(w.Reattach)
	if err != nil {
		t.Fatal(err)
	}
	apply := exec.CommandContext(ctx, acctest.TerraformPath(t), "apply", "-auto-approve", "-input=false", "-no-color")
	apply.Dir, apply.Stdout, apply.Stderr = w.Dir, acctest.LogWriter(t), acctest.LogWriter(t)
	apply.Env = append(os.Environ(), "TF_REATTACH_PROVIDERS="+string(reattach))
	if err := apply.Start(); err != nil {
		t.Fatal(err)
	}
	applied := make(chan error, 1)
	go func() { applied <- apply.Wait() }()
	for !holds(env, env.Name("var"), env.Name("db"), env.Name("q")) {
		select {
		case err := <-applied:
			t.Fatalf("the apply ended before it could be interrupted: %v", err)
		case <-time.After(5 * time.Millisecond):
		}
	}
	if err := apply.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	if err := <-applied; err == nil {
		t.Fatal("terraform apply succeeded although it was killed")
	}
	var st struct {
		Resources []struct{ Instances []json.RawMessage }
	}
	if s := w.Read("terraform.tfstate"); s != "" {
		if err := json.Unmarshal([]byte(s), &st); err != nil {
			t.Fatalf("reading the state: %v", err)
		}
	}
	n := 0
	for _, r := range st.Resources {
		n += len(r.Instances)
	}
	return n
}

// holds reports whether the emulator's inventory names every one of names.
func holds(env *acctest.EmulatedEnv, names ...string) bool {
	all := strings.Join(env.Emulator.Inventory().Leftovers(), "\n")
	for _, n := range names {
		if !strings.Contains(all, n) {
			return false
		}
	}
	return true
}

// settle waits until the inventory stops changing: a request the provider sent just
// before Terraform died may still land.
func settle(ctx context.Context, env *acctest.EmulatedEnv) error {
	last := prefixed(env)
	for stable := 0; stable < 3; {
		select {
		case <-ctx.Done():
			return fmt.Errorf("the inventory kept changing: %q", last)
		case <-time.After(100 * time.Millisecond):
		}
		now := prefixed(env)
		if len(now) == len(last) {
			stable++
		} else {
			stable = 0
		}
		last = now
	}
	return nil
}

// prefixed is the emulator's inventory of objects named with the test's prefix, without
// their states (which move on by themselves).
func prefixed(env *acctest.EmulatedEnv) []string {
	var out []string
	for _, s := range env.Emulator.Inventory().Leftovers() {
		if strings.Contains(s, env.Prefix()) {
			out = append(out, strings.Split(s, " (")[0])
		}
	}
	return out
}
