// Package migration_test moves, with `moved` blocks, the state the incumbent huaweicloud
// provider really wrote (../shared/incumbent/<folder>/terraform.tfstate) to this provider's
// resources, and checks that nothing is created, destroyed or replaced.
package migration_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

func TestMain(m *testing.M) { acctest.Main(m) }

// movedTo is this provider's resource type for each incumbent type in ../shared/incumbent.
var movedTo = map[string]string{
	"huaweicloud_dli_queue":                 "huaweidata_dli_queue",
	"huaweicloud_dli_global_variable":       "huaweidata_dli_global_variable",
	"huaweicloud_dli_database":              "huaweidata_dli_database",
	"huaweicloud_dli_table":                 "huaweidata_dli_table",
	"huaweicloud_dli_flinksql_job":          "huaweidata_dli_flink_sql_job",
	"huaweicloud_dli_spark_job":             "huaweidata_dli_batch_job",
	"huaweicloud_dli_datasource_connection": "huaweidata_dli_connection",
	"huaweicloud_dli_sql_job":               "huaweidata_dli_sql_job",
	"huaweicloud_dli_package":               "huaweidata_dli_package",
	"huaweicloud_dli_permission":            "huaweidata_dli_permission",
	"huaweicloud_dli_database_privilege":    "huaweidata_dli_permission",
	"huaweicloud_dli_agency":                "huaweidata_dli_agency",
	"huaweicloud_dli_datasource_auth":       "huaweidata_dli_datasource_auth",
	"huaweicloud_dli_elastic_resource_pool": "huaweidata_dli_elastic_resource_pool",
	"huaweicloud_dli_sql_template":          "huaweidata_dli_sql_template",
	"huaweicloud_dli_spark_template":        "huaweidata_dli_spark_template",
	"huaweicloud_dli_flinkjar_job":          "huaweidata_dli_flink_jar_job",
	"huaweicloud_dli_flink_template":        "huaweidata_dli_flink_template",
}

// generatedIDs are the incumbent types whose id the service generated: in this test's
// project the same object has another id (the one this provider's state holds), which the
// incumbent's state is pointed at.
var generatedIDs = map[string]string{
	"huaweicloud_dli_flinksql_job":          "flink_job",
	"huaweicloud_dli_spark_job":             "spark_batch",
	"huaweicloud_dli_datasource_connection": "enhanced_connection",
	"huaweicloud_dli_sql_job":               "sql_job",
	"huaweicloud_dli_sql_template":          "sql_template",
	"huaweicloud_dli_spark_template":        "spark_template",
	"huaweicloud_dli_flinkjar_job":          "flink_job",
	"huaweicloud_dli_flink_template":        "flink_template",
}

// TestAccMoveFromIncumbent: for every folder of ../shared/incumbent, this provider creates
// the folder's objects, the state file is replaced by the one the incumbent wrote for them,
// and moved blocks take them over. The plan may update in place (documented in the
// migration guide) but never creates, destroys or replaces, and the plan after apply is
// empty. Destroy then leaves nothing behind. The objects' names, in this provider's
// configuration and in the incumbent's state alike, start with the test's prefix
// (prefixNames), so the moves run against a real account too.
func TestAccMoveFromIncumbent(t *testing.T) {
	dir := incumbentDir()
	states, err := filepath.Glob(filepath.Join(dir, "*", "terraform.tfstate"))
	if err != nil || len(states) == 0 {
		if _, statErr := os.Stat(dir); os.IsNotExist(statErr) {
			t.Skipf("%s is not here (a user's checkout): no incumbent state to migrate", dir)
		}
		t.Fatalf("no incumbent state files in %s (err=%v)", dir, err)
	}
	for _, statePath := range states {
		folder := filepath.Base(filepath.Dir(statePath))
		t.Run(folder, func(t *testing.T) {
			t.Parallel()
			shape, ok := incumbentShapes[folder]
			if !ok {
				t.Fatalf("../shared/incumbent/%s has no equivalent configuration in incumbentShapes", folder)
			}
			testMove(t, acctest.NewEnv(t), shape, readState(t, statePath))
		})
	}
}

func testMove(t *testing.T, env *acctest.Env, shape string, incumbent tfState) {
	w := newWorkdir(t, env)
	config := requiredProviders + env.Config(prefixNames(env, shape))

	// The objects exist, made by this provider; then the state is the incumbent's.
	w.write("main.tf", config)
	w.init()
	w.apply()
	ours := w.state()
	// The incumbent wrote its objects long before a team moves in: make them all visible,
	// as this provider's reads of moved objects have no recent write of their own to wait
	// for.
	settle(env)
	w.putState(pointAtOurs(t, env, prefixState(t, env, incumbent), ours))

	moved, targets := movedBlocks(t, incumbent)
	w.write("main.tf", config+moved)
	if err := movedInPlace(targets).check(w.plan()); err != nil {
		t.Fatal(err)
	}
	w.applyPlan()
	if p := w.plan(); len(changes(p)) > 0 {
		t.Fatalf("the plan after the move is not empty: %v", changes(p))
	}
	w.destroy()
	if err := acctest.CheckNothingLeft(env)(nil); err != nil {
		t.Fatal(err)
	}
}

// incumbentNames are the starts of the names of the objects the incumbent's states and
// this provider's equivalents hold (e.g. fid_tf_db, mv_pool, databases.mv_db/analyst).
var incumbentNames = regexp.MustCompile(`\b(fid_tf_|mv_)`)

// prefixNames puts the test's prefix before every object name of a configuration or state.
func prefixNames(env *acctest.Env, s string) string {
	return incumbentNames.ReplaceAllStringFunc(s, env.Name)
}

// prefixState is prefixNames for an incumbent's state.
func prefixState(t *testing.T, env *acctest.Env, s tfState) tfState {
	t.Helper()
	data, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var out tfState
	if err := json.Unmarshal([]byte(prefixNames(env, string(data))), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// settle makes the objects the test has just created visible to a provider process that
// did not write them: the emulator's consistency delay is switched off; against a real
// account the test waits for the consistency window.
func settle(env *acctest.Env) {
	env.WithEmulator(func(emu *emulator.Emulator) { emu.SetFaults(emulator.Faults{}) })
	if !env.Emulated() {
		window := env.ConsistencyWindow
		if window <= 0 {
			window = client.DefaultConsistencyWindow
		}
		time.Sleep(window)
	}
}

// movedBlocks returns a moved block per incumbent resource, and the addresses they move
// (to -> from). It fails for an incumbent type with no equivalent here.
func movedBlocks(t *testing.T, s tfState) (string, map[string]string) {
	t.Helper()
	var b strings.Builder
	targets := map[string]string{}
	for _, inst := range s.instances() {
		typ, name := inst.typ, inst.name
		to, ok := movedTo[typ]
		if !ok {
			t.Fatalf("the incumbent state holds %s.%s, and movedTo names no resource for %s", typ, name, typ)
		}
		from := typ + "." + name
		targets[to+"."+name] = from
		fmt.Fprintf(&b, "\nmoved {\n  from = %s\n  to   = %s.%s\n}\n", from, to, name)
	}
	return b.String(), targets
}

// pointAtOurs returns the incumbent state with the ids the service generated replaced by
// those of the same objects (the resource of the same name) in this provider's state ours.
// Nothing else is changed. Against the emulator, each id is also checked to be that of the
// one object of its name (or statement) the emulator holds.
func pointAtOurs(t *testing.T, env *acctest.Env, s, ours tfState) tfState {
	t.Helper()
	ids := map[string]string{}
	for _, inst := range ours.instances() {
		id, _ := inst.attrs["id"].(string)
		ids[inst.typ+"."+inst.name] = id
	}
	var copied tfState
	data, _ := json.Marshal(s)
	_ = json.Unmarshal(data, &copied)
	for _, inst := range copied.instances() {
		if kind, ok := generatedIDs[inst.typ]; ok {
			key, _ := inst.attrs["name"].(string)
			if kind == "sql_job" { // SQL jobs have no name: the statement identifies them here
				key, _ = inst.attrs["sql"].(string)
			}
			id, ok := ids[movedTo[inst.typ]+"."+inst.name]
			if !ok || id == "" {
				t.Fatalf("this provider's state holds no %s.%s (with an id) for the incumbent's %s.%s", movedTo[inst.typ], inst.name, inst.typ, inst.name)
			}
			err := env.EmulatorOnly(func(emu *emulator.Emulator) error {
				if got := emulatorID(t, emu, kind, key); got != id {
					return fmt.Errorf("the emulator's %s %q has id %s, this provider's state %s", kind, key, got, id)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			inst.attrs["id"] = id
		}
	}
	return copied
}

func emulatorID(t *testing.T, emu *emulator.Emulator, kind, name string) string {
	t.Helper()
	p := emu.Inventory().Projects[emulator.DemoProjectID]
	var ids []string
	switch kind {
	case "flink_job":
		for _, j := range p.FlinkJobs {
			if j.Name == name && !j.Deleted {
				ids = append(ids, fmt.Sprint(j.ID))
			}
		}
	case "spark_batch":
		for _, b := range p.SparkBatches {
			if b.Name == name {
				ids = append(ids, b.ID)
			}
		}
	case "sql_job":
		for _, j := range p.SQLJobs {
			if j.Statement == name {
				ids = append(ids, j.ID)
			}
		}
	case "sql_template", "spark_template", "flink_template":
		for _, tpl := range p.JobTemplates {
			if strings.ToLower(tpl.Type)+"_template" == kind && tpl.Name == name {
				ids = append(ids, tpl.ID)
			}
		}
	case "enhanced_connection":
		for _, c := range p.EnhancedConnections {
			if c.Name == name {
				ids = append(ids, c.ID)
			}
		}
	}
	if len(ids) != 1 {
		t.Fatalf("the emulator holds %d %s objects named %q, want 1: %v", len(ids), kind, name, ids)
	}
	return ids[0]
}

// movedInPlace is the moves of a plan (to -> from).
type movedInPlace map[string]string

// check fails a plan that creates, destroys or replaces anything, or that does not move
// each target from its incumbent address.
func (targets movedInPlace) check(p *tfjson.Plan) error {
	seen := map[string]bool{}
	var problems []string
	for _, rc := range p.ResourceChanges {
		if !rc.Change.Actions.NoOp() && !rc.Change.Actions.Update() {
			problems = append(problems, fmt.Sprintf("%s: %v", rc.Address, rc.Change.Actions))
		}
		if from, ok := targets[rc.Address]; ok {
			seen[rc.Address] = true
			if rc.PreviousAddress != from {
				problems = append(problems, fmt.Sprintf("%s: moved from %q, want %q", rc.Address, rc.PreviousAddress, from))
			}
		}
	}
	for to := range targets {
		if !seen[to] {
			problems = append(problems, to+": not in the plan")
		}
	}
	if len(problems) == 0 {
		return nil
	}
	sort.Strings(problems)
	return fmt.Errorf("the move is not in place:\n  %s", strings.Join(problems, "\n  "))
}
