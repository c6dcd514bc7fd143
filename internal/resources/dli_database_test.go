package resources_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
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

// databaseOwner checks the owner the emulator really holds.
func databaseOwner(env *acctest.Env, t *testing.T, name, want string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		db, err := env.Client(t).GetDatabase(context.Background(), name)
		if err != nil {
			return err
		}
		if got := *db.Owner; got != want {
			return fmt.Errorf("database %s is owned by %q in the emulator, want %q", name, got, want)
		}
		return nil
	}
}

func TestAccDLIDatabase_lifecycle(t *testing.T) {
	env := acctest.NewEnv(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             databasesDestroyed(env, t),
		Steps: []resource.TestStep{
			{
				Config: env.Config(databaseConfig("acc_db", "  description = \"sales data\"\n  tags = { team = \"bi\" }")),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(dbAddr, "id", "acc_db"),
					resource.TestCheckResourceAttr(dbAddr, "owner", "demo_user"),
					resource.TestCheckResourceAttr(dbAddr, "enterprise_project_id", "0"),
					resource.TestCheckResourceAttr(dbAddr, "force_destroy", "false"),
				),
			},
			{
				ResourceName:            dbAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"tags"}, // DLI does not return tags
			},
			{
				Config:           env.Config(databaseConfig("acc_db", "  description = \"sales data\"\n  tags = { team = \"bi\" }\n  owner = \"analyst\"")),
				ConfigPlanChecks: acctest.ExpectAction(dbAddr, plancheck.ResourceActionUpdate),
				Check:            databaseOwner(env, t, "acc_db", "analyst"),
			},
			{
				// Drift of the owner made outside Terraform is detected and corrected in place.
				PreConfig: func() {
					if err := env.Client(t).UpdateDatabaseOwner(context.Background(), "acc_db", "someone"); err != nil {
						t.Fatal(err)
					}
				},
				Config:           env.Config(databaseConfig("acc_db", "  description = \"sales data\"\n  tags = { team = \"bi\" }\n  owner = \"analyst\"")),
				ConfigPlanChecks: acctest.ExpectAction(dbAddr, plancheck.ResourceActionUpdate),
				Check:            databaseOwner(env, t, "acc_db", "analyst"),
			},
			{
				Config:           env.Config(databaseConfig("acc_db", "  description = \"other\"\n  owner = \"analyst\"")),
				ConfigPlanChecks: acctest.ExpectAction(dbAddr, plancheck.ResourceActionDestroyBeforeCreate),
				Check:            resource.TestCheckResourceAttr(dbAddr, "description", "other"),
			},
		},
	})
}

// TestAccDLIDatabase_forceDestroy: a database with tables is not deleted while force_destroy
// is false, with a message saying how to proceed; with true, its tables go with it.
func TestAccDLIDatabase_forceDestroy(t *testing.T) {
	env := acctest.NewEnv(t)
	addTable := func() {
		err := env.Client(t).CreateTable(context.Background(), "acc_full", &model.CreateTableRequestBody{
			TableName: "t1", DataLocation: "DLI", Columns: []model.Column{{ColumnName: "id", Type: "int"}},
		})
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
				Check: func(*terraform.State) error {
					_, err := env.Client(t).ShowTable(context.Background(), "acc_full", "t1")
					return err // the refused delete dropped nothing
				},
			},
			{
				Config:           env.Config(databaseConfig("acc_full", "  force_destroy = true")),
				ConfigPlanChecks: acctest.ExpectAction(dbAddr, plancheck.ResourceActionUpdate),
			},
		},
	})
}

func TestAccDLIDatabase_planTimeValidation(t *testing.T) {
	env := acctest.NewEnv(t)
	env.ExpectPlanErrors(t, map[string]acctest.PlanError{
		"reserved default": {Config: databaseConfig("default", ""), Want: `(?s)name.*"default".*built-in database`},
		"starts with _":    {Config: databaseConfig("_db", ""), Want: `(?s)name.*"_db".*starts with an underscore`},
		"only digits":      {Config: databaseConfig("2024", ""), Want: `(?s)name.*"2024".*consists only of digits`},
		"dash":             {Config: databaseConfig("my-db", ""), Want: `(?s)name.*character other than`},
		"dollar":           {Config: databaseConfig("my$db", ""), Want: `(?s)name.*character other than`},
		"uppercase":        {Config: databaseConfig("Sales", ""), Want: `(?s)name.*"Sales".*uppercase`},
		"too long":         {Config: databaseConfig(strings.Repeat("d", 129), ""), Want: `(?s)name.*is 129 characters long`},
		"owner not a user": {Config: databaseConfig("db1", `  owner = "a b"`), Want: `(?s)owner.*"a b".*IAM user name`},
	})
}

func TestAccDLIDatabase_importInvalidID(t *testing.T) {
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
	env := acctest.NewEnv(t)
	env.Emulator.SetFaults(emulator.Faults{ErrorRates: map[int]float64{408: 1}, Operations: []string{"CreateDatabase"}})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             databasesDestroyed(env, t),
		Steps: []resource.TestStep{{
			Config: env.Config(databaseConfig("acc_lost", "")),
			Check:  sentOnce(env, "CreateDatabase"),
		}},
	})
}

// sentOnce checks that an operation answered 408 after it took effect was not sent again.
func sentOnce(env *acctest.Env, op string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if n := env.Count(op); n != 1 {
			return fmt.Errorf("%s sent %d times, want 1 (the 408 came after the commit)", op, n)
		}
		return nil
	}
}

// TestAccDLIDatabase_withFaults: creates, owner changes and destroys converge despite
// injected 500s, 502s and 504s (429 handling is the client's and tested there).
func TestAccDLIDatabase_withFaults(t *testing.T) {
	env := acctest.NewEnv(t)
	env.Emulator.SetFaults(emulator.Faults{ErrorRates: map[int]float64{500: 0.1, 502: 0.05, 504: 0.05}})
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
			Check: databaseOwner(env, t, "acc_fault_9", "analyst"),
		}},
	})
}

// TestAccDLIDatabase_refreshCost refreshes 200 databases: they share one paged listing (100
// per page), so a refresh costs at most 5 list calls. The databases are made through the API
// and imported, and finally forgotten (removed block), to keep Terraform's own cost for 200
// creates and deletes out of the test.
func TestAccDLIDatabase_refreshCost(t *testing.T) {
	env := acctest.NewEnv(t)
	setup := func() {
		c := fastClient(env, t)
		for i := 0; i < 200; i++ {
			err := c.CreateDatabase(context.Background(), &model.CreateDatabaseRequestBody{DatabaseName: fmt.Sprintf("bulk_%d", i)})
			if err != nil {
				t.Fatal(err)
			}
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
				Check: func(*terraform.State) error {
					n := env.Count("ListDatabases")
					t.Logf("refreshing 200 databases: %d ListDatabases calls", n)
					if n == 0 || n > 5 {
						return fmt.Errorf("refreshing 200 databases cost %d list calls, want 1 to 5", n)
					}
					return nil
				},
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
