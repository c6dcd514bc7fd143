package resources_test

import (
	"context"
	"fmt"
	"regexp"
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

func TestAccDLIDatabase_lifecycle(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             databasesDestroyed(env, t),
		Steps: []resource.TestStep{
			{
				Config: env.Config(databaseConfig("acc_db", "  description = \"sales data\"\n  tags = { team = \"bi\" }")),
				ConfigStateChecks: []statecheck.StateCheck{
					expectDatabase("id", knownvalue.StringExact("acc_db")),
					expectDatabase("owner", knownvalue.StringExact("demo_user")),
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
			{
				Config:            env.Config(databaseConfig("acc_db", "  description = \"sales data\"\n  tags = { team = \"bi\" }\n  owner = \"analyst\"")),
				ConfigPlanChecks:  acctest.ExpectAction(dbAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{ownedByAnalyst(env, t, "acc_db")},
			},
			{
				// Drift of the owner made outside Terraform is detected and corrected in place.
				PreConfig: func() {
					if err := env.Client(t).UpdateDatabaseOwner(context.Background(), "acc_db", "someone"); err != nil {
						t.Fatal(err)
					}
				},
				Config:            env.Config(databaseConfig("acc_db", "  description = \"sales data\"\n  tags = { team = \"bi\" }\n  owner = \"analyst\"")),
				ConfigPlanChecks:  acctest.ExpectAction(dbAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{ownedByAnalyst(env, t, "acc_db")},
			},
			{
				Config:            env.Config(databaseConfig("acc_db", "  description = \"other\"\n  owner = \"analyst\"")),
				ConfigPlanChecks:  acctest.ExpectAction(dbAddr, plancheck.ResourceActionDestroyBeforeCreate),
				ConfigStateChecks: []statecheck.StateCheck{expectDatabase("description", knownvalue.StringExact("other"))},
			},
		},
	})
}

// TestAccDLIDatabase_forceDestroy: a database with tables is not deleted while force_destroy
// is false, with a message saying how to proceed; with true, its tables go with it.
func TestAccDLIDatabase_forceDestroy(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	addTable := func() {
		c := env.Client(t)
		err := c.CreateTable(context.Background(), "acc_full", &model.CreateTableRequestBody{
			TableName: "t1", DataLocation: "DLI", Columns: []model.Column{{ColumnName: "id", Type: "int"}},
		})
		if err == nil { // a table made outside Terraform becomes visible late
			err = c.AwaitVisible(context.Background(), time.Now(), func(ctx context.Context) error {
				_, err := c.ShowTable(ctx, "acc_full", "t1")
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
			{Config: env.Config(databaseConfig("acc_full", ""))},
			{
				PreConfig:   addTable,
				Config:      env.Config(databaseConfig("acc_full", "")),
				Destroy:     true,
				ExpectError: regexp.MustCompile(`(?s)still has 1 table.*force_destroy is false.*nothing\s+was\s+deleted`),
			},
			{
				Config: env.Config(databaseConfig("acc_full", "")),
				ConfigStateChecks: []statecheck.StateCheck{acctest.CheckAPI(func(ctx context.Context) error {
					_, err := env.Client(t).ShowTable(ctx, "acc_full", "t1")
					return err // the refused delete dropped nothing
				})},
			},
			{
				Config:           env.Config(databaseConfig("acc_full", "  force_destroy = true")),
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
			Config:        env.Config(databaseConfig("acc_imp", "")),
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
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             databasesDestroyed(env, t),
		Steps: []resource.TestStep{
			{
				Config: env.Config(databaseConfig("acc_gone", "")),
				Check: func(*terraform.State) error {
					return env.Client(t).DeleteDatabase(context.Background(), "acc_gone", false)
				},
				ExpectNonEmptyPlan: true,
			},
			{
				Config:           env.Config(databaseConfig("acc_gone", "")),
				ConfigPlanChecks: acctest.ExpectAction(dbAddr, plancheck.ResourceActionCreate),
			},
		},
	})
}

// TestAccDLIDatabase_createLostResponse: the create is answered 408 after it took effect; the
// provider finds the database instead of creating it again.
func TestAccDLIDatabase_createLostResponse(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.SetFaults(emulator.Faults{ErrorRates: map[int]float64{408: 1}, Operations: []string{"CreateDatabase"}})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             databasesDestroyed(env, t),
		Steps: []resource.TestStep{{
			Config: env.Config(databaseConfig("acc_lost", "")),
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
	env := acctest.NewEnv(t)
	env.SetFaults(emulator.Faults{ConsistencyDelay: acctest.ConsistencyWindow / 3})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             databasesDestroyed(env, t),
		Steps: []resource.TestStep{{
			Config: env.Config(databaseConfig("acc_late", "  owner = \"analyst\"")),
			ConfigStateChecks: []statecheck.StateCheck{
				expectDatabase("id", knownvalue.StringExact("acc_late")),
				expectDatabase("owner", knownvalue.StringExact("analyst")),
				ownedByAnalyst(env, t, "acc_late"),
				env.ExpectRequests("CreateDatabase", 1, 1),
			},
		}},
	})
}

// TestAccDLIDatabase_withFaults: creates, owner changes and destroys converge despite
// injected 500s, 502s and 504s (429 handling is the client's and tested there).
func TestAccDLIDatabase_withFaults(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.SetFaults(emulator.Faults{ErrorRates: map[int]float64{500: 0.1, 502: 0.05, 504: 0.05}})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             databasesDestroyed(env, t),
		Steps: []resource.TestStep{{
			Config: env.Config(`
resource "huaweidata_dli_database" "test" {
  count = 10
  name  = "acc_fault_${count.index}"
  owner = "analyst"
}
`),
			ConfigStateChecks: []statecheck.StateCheck{ownedByAnalyst(env, t, "acc_fault_9")},
		}},
	})
}

// TestAccDLIDatabase_refreshCost refreshes 200 databases: they share one paged listing (100
// per page), so a refresh costs at most 5 list calls. The databases are made through the API
// and imported, and finally forgotten (removed block), to keep Terraform's own cost for 200
// creates and deletes out of the test.
func TestAccDLIDatabase_refreshCost(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	setup := func() {
		c := fastClient(env, t)
		for i := 0; i < 200; i++ {
			err := c.CreateDatabase(context.Background(), &model.CreateDatabaseRequestBody{DatabaseName: fmt.Sprintf("bulk_%d", i)})
			if err != nil {
				t.Fatal(err)
			}
		}
		// Objects made outside Terraform become visible late: import them once they are.
		err := c.AwaitVisible(context.Background(), time.Now(), func(ctx context.Context) error {
			_, err := c.GetDatabase(ctx, "bulk_199")
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	names := `
locals {
  databases = range(200)
}
`
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				PreConfig: setup,
				Config: env.Config(names + `
import {
  for_each = local.databases
  to       = huaweidata_dli_database.test[each.value]
  id       = "bulk_${each.value}"
}

resource "huaweidata_dli_database" "test" {
  count = 200
  name  = "bulk_${count.index}"
}
`),
			},
			{
				PreConfig:    env.Emulator.ResetCounts,
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
