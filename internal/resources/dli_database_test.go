package resources_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

const dbAddr = "huaweidata_dli_database.test"

func databaseConfig(name, body string) string {
	return fmt.Sprintf(`
resource "huaweidata_dli_database" "test" {
  name = %q
%s
}
`, name, body)
}

func databasesDestroyed(env *acctest.Env, t *testing.T) resource.TestCheckFunc {
	return acctest.CheckDestroyed("huaweidata_dli_database", func(ctx context.Context, id string) error {
		_, err := env.Client(t).GetDatabase(ctx, id)
		return err
	})
}

// ownedByAnalyst checks that the emulator really holds the owner "analyst" (the one the
// tests set) for the database.
func ownedByAnalyst(env *acctest.Env, t *testing.T, name string) statecheck.StateCheck {
	const want = "analyst"
	return acctest.CheckAPI(func(ctx context.Context) error {
		db, err := env.Client(t).GetDatabase(ctx, name)
		if err != nil {
			return err
		}
		if got := *db.Owner; got != want {
			return fmt.Errorf("database %s is owned by %q in the emulator, want %q", name, got, want)
		}
		return nil
	})
}

func expectDatabase(attr string, v knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(dbAddr, tfjsonpath.New(attr), v)
}

// catalogEmulatorSteps returns steps against the emulator and none against a real account
// (counted by env.EmulatorOnly as one skipped check): for steps that need what only the
// emulator has, such as its IAM sub-users (store.DefaultIAMUsers) as owners or grantees.
func catalogEmulatorSteps(env *acctest.Env, steps ...resource.TestStep) []resource.TestStep {
	var out []resource.TestStep
	env.WithEmulator(func(*emulator.Emulator) { out = steps })
	return out
}

// catalogNothingLeft is a CheckDestroy that nothing the test made is left (CheckNothingLeft)
// and, against the emulator, that it holds no object twice.
func catalogNothingLeft(env *acctest.Env) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		if err := acctest.CheckNothingLeft(env)(s); err != nil {
			return err
		}
		return env.EmulatorOnly(func(emu *emulator.Emulator) error {
			if d := emu.Inventory().Duplicates(); len(d) > 0 {
				return fmt.Errorf("duplicates after destroy: %s", strings.Join(d, "; "))
			}
			return nil
		})
	}
}

func TestAccDLIDatabase_lifecycle(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	name := env.Name("db")
	steps := []resource.TestStep{
		{
			Config: env.Config(databaseConfig(name, "  description = \"sales data\"\n  tags = { team = \"bi\" }")),
			ConfigStateChecks: []statecheck.StateCheck{
				expectDatabase("id", knownvalue.StringExact(name)),
				expectDatabase("owner", knownvalue.NotNull()),
				env.EmulatorOnlyCheck(expectDatabase("owner", knownvalue.StringExact("demo_user"))), // the emulator's caller
				expectDatabase("enterprise_project_id", knownvalue.StringExact("0")),
				expectDatabase("force_destroy", knownvalue.Bool(false)),
			},
		},
		{
			ResourceName:            dbAddr,
			ImportState:             true,
			ImportStateVerify:       true,
			ImportStateVerifyIgnore: []string{"tags"}, // DLI does not return tags
		},
	}
	// The owner steps give the database to "analyst" and "someone", IAM users of the
	// emulator (store.DefaultIAMUsers): on a real account an owner must be a real user, so
	// they run against the emulator only; a real account replaces the database without owner.
	replaced := []resource.TestStep{{
		Config:            env.Config(databaseConfig(name, "  description = \"other\"")),
		ConfigPlanChecks:  acctest.ExpectAction(dbAddr, plancheck.ResourceActionDestroyBeforeCreate),
		ConfigStateChecks: []statecheck.StateCheck{expectDatabase("description", knownvalue.StringExact("other"))},
	}}
	env.WithEmulator(func(*emulator.Emulator) {
		replaced = []resource.TestStep{
			{
				Config:            env.Config(databaseConfig(name, "  description = \"sales data\"\n  tags = { team = \"bi\" }\n  owner = \"analyst\"")),
				ConfigPlanChecks:  acctest.ExpectAction(dbAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{ownedByAnalyst(env, t, name)},
			},
			{
				// Drift of the owner made outside Terraform is detected and corrected in place.
				PreConfig: func() {
					if err := env.Client(t).UpdateDatabaseOwner(context.Background(), name, "someone"); err != nil {
						t.Fatal(err)
					}
				},
				Config:            env.Config(databaseConfig(name, "  description = \"sales data\"\n  tags = { team = \"bi\" }\n  owner = \"analyst\"")),
				ConfigPlanChecks:  acctest.ExpectAction(dbAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{ownedByAnalyst(env, t, name)},
			},
			{
				Config:            env.Config(databaseConfig(name, "  description = \"other\"\n  owner = \"analyst\"")),
				ConfigPlanChecks:  acctest.ExpectAction(dbAddr, plancheck.ResourceActionDestroyBeforeCreate),
				ConfigStateChecks: []statecheck.StateCheck{expectDatabase("description", knownvalue.StringExact("other"))},
			},
		}
	})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             databasesDestroyed(env, t),
		Steps:                    append(steps, replaced...),
	})
}

// TestAccDLIDatabase_forceDestroy: a database with tables is not deleted while force_destroy
// is false, with a message saying how to proceed; with true, its tables go with it.
func TestAccDLIDatabase_forceDestroy(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	db, table := env.Name("full"), env.Name("t1")
	addTable := func() {
		c := env.Client(t)
		err := c.CreateTable(context.Background(), db, &model.CreateTableRequestBody{
			TableName: table, DataLocation: "DLI", Columns: []model.Column{{ColumnName: "id", Type: "int"}},
		})
		if err == nil { // a table made outside Terraform becomes visible late
			err = c.AwaitVisible(context.Background(), time.Now(), func(ctx context.Context) error {
				_, err := c.ShowTable(ctx, db, table)
				return err
			})
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             databasesDestroyed(env, t),
		Steps: []resource.TestStep{
			{Config: env.Config(databaseConfig(db, ""))},
			{
				PreConfig:   addTable,
				Config:      env.Config(databaseConfig(db, "")),
				Destroy:     true,
				ExpectError: regexp.MustCompile(`(?s)still has 1 table.*force_destroy is false.*nothing\s+was\s+deleted`),
			},
			{
				Config: env.Config(databaseConfig(db, "")),
				ConfigStateChecks: []statecheck.StateCheck{acctest.CheckAPI(func(ctx context.Context) error {
					_, err := env.Client(t).ShowTable(ctx, db, table)
					return err // the refused delete dropped nothing
				})},
			},
			{
				Config:           env.Config(databaseConfig(db, "  force_destroy = true")),
				ConfigPlanChecks: acctest.ExpectAction(dbAddr, plancheck.ResourceActionUpdate),
			},
		},
	})
}

func TestAccDLIDatabase_importInvalidID(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config:        env.Config(databaseConfig(env.Name("imp"), "")),
			ResourceName:  dbAddr,
			ImportState:   true,
			ImportStateId: "Not/A-DB",
			ExpectError:   regexp.MustCompile(`(?s)Invalid import id.*import\s+huaweidata_dli_database.example sales.*Not/A-DB`),
		}},
	})
}

func TestAccDLIDatabase_disappears(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	gone := env.Name("gone")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             databasesDestroyed(env, t),
		Steps: []resource.TestStep{
			{
				Config: env.Config(databaseConfig(gone, "")),
				Check: func(*terraform.State) error {
					return env.Client(t).DeleteDatabase(context.Background(), gone, false)
				},
				ExpectNonEmptyPlan: true,
			},
			{
				Config:           env.Config(databaseConfig(gone, "")),
				ConfigPlanChecks: acctest.ExpectAction(dbAddr, plancheck.ResourceActionCreate),
			},
		},
	})
}

// TestAccDLIDatabase_createLostResponse: the create is answered 408 after it took effect; the
// provider finds the database instead of creating it again.
func TestAccDLIDatabase_createLostResponse(t *testing.T) {
	t.Parallel()
	env := acctest.NewEmulatedEnv(t, "an injected 408 answering a create that took effect")
	env.SetFaults(emulator.Faults{ErrorRates: map[int]float64{408: 1}, Operations: []string{"CreateDatabase"}})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             databasesDestroyed(env.Env, t),
		Steps: []resource.TestStep{{
			Config: env.Config(databaseConfig(env.Name("lost"), "")),
			// The 408 came after the commit: the create is sent once.
			ConfigStateChecks: []statecheck.StateCheck{env.ExpectRequests("CreateDatabase", 1, 1)},
		}},
	})
}

// TestAccDLIDatabase_consistencyDelay: a new database is invisible to reads for a while
// (shorter than the provider's consistency window); the create reads it back through the
// window (each poll reads a listing newer than the one that missed it), gives it to its
// owner, and the apply succeeds with nothing left to change.
func TestAccDLIDatabase_consistencyDelay(t *testing.T) {
	t.Parallel()
	env := acctest.NewEmulatedEnv(t, "a consistency delay tuned to the provider's window in tests, and the emulator's IAM user analyst as owner")
	env.SetFaults(emulator.Faults{ConsistencyDelay: acctest.ConsistencyWindow / 3})
	late := env.Name("late")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             databasesDestroyed(env.Env, t),
		Steps: []resource.TestStep{{
			Config: env.Config(databaseConfig(late, "  owner = \"analyst\"")),
			ConfigStateChecks: []statecheck.StateCheck{
				expectDatabase("id", knownvalue.StringExact(late)),
				expectDatabase("owner", knownvalue.StringExact("analyst")),
				ownedByAnalyst(env.Env, t, late),
				env.ExpectRequests("CreateDatabase", 1, 1),
			},
		}},
	})
}

// TestAccDLIDatabase_withFaults: creates, owner changes and destroys converge despite
// injected 500s, 502s and 504s (429 handling is the client's and tested there).
func TestAccDLIDatabase_withFaults(t *testing.T) {
	t.Parallel()
	env := acctest.NewEmulatedEnv(t, "injected faults")
	env.SetFaults(emulator.Faults{ErrorRates: map[int]float64{500: 0.1, 502: 0.05, 504: 0.05}})
	prefix := env.Name("fault_")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             databasesDestroyed(env.Env, t),
		Steps: []resource.TestStep{{
			Config: env.Config(fmt.Sprintf(`
resource "huaweidata_dli_database" "test" {
  count = 10
  name  = "${%q}${count.index}"
  owner = "analyst"
}
`, prefix)),
			ConfigStateChecks: []statecheck.StateCheck{ownedByAnalyst(env.Env, t, prefix+"9")},
		}},
	})
}

// TestAccDLIDatabase_refreshCost refreshes 200 databases: they share one paged listing (100
// per page), so a refresh costs at most 5 list calls. The databases are made through the API
// and imported, and finally forgotten (removed block), to keep Terraform's own cost for 200
// creates and deletes out of the test; the test deletes them through the API when it ends.
func TestAccDLIDatabase_refreshCost(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	prefix := env.Name("bulk_")
	setup := func() {
		c := fastClient(env, t)
		t.Cleanup(func() { // forgotten by Terraform: deleted here, so that nothing is left
			for i := 0; i < 200; i++ {
				if err := c.DeleteDatabase(context.Background(), fmt.Sprintf("%s%d", prefix, i), false); err != nil && !client.IsNotFound(err) {
					t.Error(err)
				}
			}
		})
		for i := 0; i < 200; i++ {
			err := c.CreateDatabase(context.Background(), &model.CreateDatabaseRequestBody{DatabaseName: fmt.Sprintf("%s%d", prefix, i)})
			if err != nil {
				t.Fatal(err)
			}
		}
		// Objects made outside Terraform become visible late: import them once they are.
		err := c.AwaitVisible(context.Background(), time.Now(), func(ctx context.Context) error {
			_, err := c.GetDatabase(ctx, prefix+"199")
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	names := fmt.Sprintf(`
locals {
  databases = range(200)
  prefix    = %q
}
`, prefix)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				PreConfig: setup,
				Config: env.Config(names + `
import {
  for_each = local.databases
  to       = huaweidata_dli_database.test[each.value]
  id       = "${local.prefix}${each.value}"
}

resource "huaweidata_dli_database" "test" {
  count = 200
  name  = "${local.prefix}${count.index}"
}
`),
			},
			{
				PreConfig:    env.ResetCounts,
				RefreshState: true,
				Check:        env.CheckRequests("ListDatabases", 1, 5),
			},
			{
				Config: env.Config(names + `
removed {
  from = huaweidata_dli_database.test
  lifecycle {
    destroy = false
  }
}
`),
			},
		},
	})
}
