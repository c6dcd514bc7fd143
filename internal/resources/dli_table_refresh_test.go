package resources_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"regexp"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

// tableAlone is huaweidata_dli_table.test in database n.db, made outside the
// configuration (no database or queue resource), unprotected.
func tableAlone(n catalogNames, cols ...string) string {
	return fmt.Sprintf(`
resource "huaweidata_dli_table" "test" {
  database_name       = %q
  name                = %q
  data_location       = "DLI"
  deletion_protection = false
`, n.db, n.table) + columns(cols...) + "}\n"
}

// createCatalog makes database n.db through the API, and drops it (with its tables) when
// the test ends: no resource of the configuration owns it.
func createCatalog(env *acctest.Env, t *testing.T, n catalogNames) {
	t.Helper()
	c := env.Client(t)
	if err := c.CreateDatabase(context.Background(), &model.CreateDatabaseRequestBody{DatabaseName: n.db}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := c.DeleteDatabase(context.Background(), n.db, true); err != nil && !client.IsNotFound(err) {
			t.Error(err)
		}
	})
}

func TestAccDLITable_disappearsAndLostCreate(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	n := newCatalogNames(env)
	// The lost create is an injected fault: against a real account the create is answered
	// normally, and the test is the out-of-band drop.
	env.WithEmulator(func(emu *emulator.Emulator) {
		emu.SetFaults(emulator.Faults{ErrorRates: map[int]float64{408: 1}, Operations: []string{"CreateTable"}, ConsistencyDelay: acctest.ConsistencyDelay})
	})
	config := env.Config(n.tableConfig(`  data_location = "DLI"` + "\n  deletion_protection = false\n" + columns("id int")))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             tablesDestroyed(env, t),
		Steps: []resource.TestStep{
			{
				// The create is answered 408 after it took effect: it is not sent again. Then
				// the table is dropped outside Terraform.
				Config: config,
				Check: func(*terraform.State) error {
					env.WithEmulator(func(emu *emulator.Emulator) {
						emu.SetFaults(emulator.Faults{ConsistencyDelay: acctest.ConsistencyDelay})
					})
					return env.Client(t).DeleteTable(context.Background(), n.db, n.table)
				},
				ConfigStateChecks:  []statecheck.StateCheck{env.ExpectRequests("CreateTable", 1, 1)},
				ExpectNonEmptyPlan: true,
			},
			{
				Config:            config,
				ConfigPlanChecks:  acctest.ExpectAction(tableAddr, plancheck.ResourceActionCreate),
				ConfigStateChecks: []statecheck.StateCheck{tableColumns(env, t, n, "id int")},
			},
		},
	})
}

// TestAccDLITable_createConsistencyDelay: a table that DLI shows only some time after the
// create is waited for, within the consistency window: the apply succeeds, with the table's
// attributes read back, and the create is sent once.
func TestAccDLITable_createConsistencyDelay(t *testing.T) {
	t.Parallel()
	env := acctest.NewEmulatedEnv(t, "a consistency delay tuned to the provider's window in tests")
	n := newCatalogNames(env.Env)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy: func(s *terraform.State) error {
			env.SetFaults(emulator.Faults{})
			return tablesDestroyed(env.Env, t)(s)
		},
		Steps: []resource.TestStep{{
			PreConfig: func() {
				createCatalog(env.Env, t, n)
				env.SetFaults(emulator.Faults{ConsistencyDelay: acctest.ConsistencyWindow * 2 / 3})
				env.Emulator.ResetCounts()
			},
			Config: env.Config(tableAlone(n, "id INT", "dt string partition")),
			ConfigStateChecks: []statecheck.StateCheck{
				expectTable("id", knownvalue.StringExact(n.id())),
				expectTable("table_type", knownvalue.StringExact("MANAGED")),
				expectTable("owner", knownvalue.StringExact("demo_user")),
				expectTableColumn(0, "type", knownvalue.StringExact("INT")),
				expectTableColumn(1, "is_partition", knownvalue.Bool(true)),
				env.ExpectRequests("CreateTable", 1, 1),
				tableColumns(env.Env, t, n, "id int", "dt string"),
			},
		}},
	})
}

// columnlessProxy serves env's emulator through a proxy that, while strip is set, answers
// every describe-table request with the columns removed: a malformed answer.
func columnlessProxy(t *testing.T, env *acctest.EmulatedEnv) (*acctest.EmulatedEnv, *atomic.Bool) {
	t.Helper()
	target, err := url.Parse(env.URL())
	if err != nil {
		t.Fatal(err)
	}
	describe := regexp.MustCompile(`/databases/[^/]+/tables/[^/]+$`)
	strip := &atomic.Bool{}
	proxy := httputil.NewSingleHostReverseProxy(target)
	proxy.ModifyResponse = func(resp *http.Response) error {
		if !strip.Load() || resp.Request.Method != http.MethodGet || resp.StatusCode != http.StatusOK || !describe.MatchString(resp.Request.URL.Path) {
			return nil
		}
		var body map[string]any
		if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
			return err
		}
		_ = resp.Body.Close()
		delete(body, "columns")
		body["column_count"] = 0
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		resp.Body = io.NopCloser(bytes.NewReader(b))
		resp.ContentLength = int64(len(b))
		resp.Header.Set("Content-Length", strconv.Itoa(len(b)))
		return nil
	}
	srv := httptest.NewServer(proxy)
	t.Cleanup(srv.Close)
	return env.Behind(srv.URL), strip
}

// TestAccDLITable_describeWithoutColumns: a describe answer without columns fails the
// refresh with an API error naming the table; it never plans a replacement or an update,
// and the state keeps the table's columns.
func TestAccDLITable_describeWithoutColumns(t *testing.T) {
	t.Parallel()
	env, strip := columnlessProxy(t, acctest.NewEmulatedEnv(t, "a proxy in front of the emulator rewrites its answers"))
	n := newCatalogNames(env.Env)
	config := env.Config(tableAlone(n, "id int", "name string"))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             tablesDestroyed(env.Env, t),
		Steps: []resource.TestStep{
			{
				PreConfig: func() { createCatalog(env.Env, t, n) },
				Config:    config,
			},
			{
				PreConfig:   func() { strip.Store(true) },
				Config:      config,
				ExpectError: regexp.MustCompile(`(?s)Reading DLI table ` + regexp.QuoteMeta(n.db+"."+n.table) + `.*column`),
			},
			{
				PreConfig: func() { strip.Store(false) },
				Config:    config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					expectTableColumn(1, "name", knownvalue.StringExact("name")),
					env.ExpectRequests("CreateTable", 1, 1),
					env.ExpectRequests("DeleteTable", 0, 0),
					env.ExpectRequests("CreateSqlJob", 0, 0),
					tableColumns(env.Env, t, n, "id int", "name string"),
				},
			},
		},
	})
}

// fastClient is a client without the default rate limit, to set up hundreds of objects
// quickly: against the emulator, through a server of its own on the test's emulator; against
// a real account, the ordinary client (its rate limit is the account's).
func fastClient(env *acctest.Env, t *testing.T) *client.Client {
	t.Helper()
	c := env.Client(t)
	env.WithEmulator(func(emu *emulator.Emulator) {
		srv := httptest.NewServer(emu)
		t.Cleanup(srv.Close)
		var err error
		c, err = client.New(client.Config{
			Region: emulator.DemoRegion, ProjectID: emulator.DemoProjectID,
			AccessKey: emulator.DemoAccessKey, SecretKey: emulator.DemoSecretKey, RateLimit: 10000,
			Endpoints: map[client.Service]string{client.ServiceDLI: srv.URL, client.ServiceIAM: srv.URL},
		})
		if err != nil {
			t.Fatal(err)
		}
	})
	return c
}

// TestAccDLITable_refreshCost refreshes 120 tables of one database: one describe per table
// and no listing (the owner and create time were read at import). The tables are made through the API and imported
// (import blocks), and finally forgotten (a removed block) rather than destroyed one by one:
// the test measures a refresh, and Terraform's own cost for 120 creates and deletes would
// only make it slow.
func TestAccDLITable_refreshCost(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	db, tablePrefix := env.Name("bulk"), env.Name("t_")
	setup := func() {
		ctx := context.Background()
		c := fastClient(env, t)
		if err := c.CreateDatabase(ctx, &model.CreateDatabaseRequestBody{DatabaseName: db}); err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 120; i++ {
			err := c.CreateTable(ctx, db, &model.CreateTableRequestBody{
				TableName: fmt.Sprintf("%s%d", tablePrefix, i), DataLocation: "DLI", Columns: []model.Column{{ColumnName: "id", Type: "int"}},
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		// Objects made outside Terraform become visible late, like Terraform's own: import
		// them once they are.
		err := c.AwaitVisible(ctx, time.Now(), func(ctx context.Context) error {
			_, err := c.ShowTable(ctx, db, tablePrefix+"119")
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	tables := fmt.Sprintf(`
locals {
  tables       = range(120)
  table_prefix = %q
}

resource "huaweidata_dli_database" "db" {
  name          = %q
  force_destroy = true
}
`, tablePrefix, db)
	managed := tables + `
import {
  to = huaweidata_dli_database.db
  id = "` + db + `"
}

import {
  for_each = local.tables
  to       = huaweidata_dli_table.test[each.value]
  id       = "` + db + `/${local.table_prefix}${each.value}"
}

resource "huaweidata_dli_table" "test" {
  count         = 120
  database_name = huaweidata_dli_database.db.name
  name          = "${local.table_prefix}${count.index}"
  data_location = "DLI"
  columns       = [{ name = "id", type = "INT" }]
}
`
	forgotten := tables + `
removed {
  from = huaweidata_dli_table.test
  lifecycle {
    destroy = false
  }
}
`
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		// The database's cascade drops the forgotten tables.
		CheckDestroy: acctest.CheckDestroyed("huaweidata_dli_database", func(ctx context.Context, id string) error {
			_, err := env.Client(t).GetDatabase(ctx, id)
			return err
		}),
		Steps: []resource.TestStep{
			{PreConfig: setup, Config: env.Config(managed)},
			{
				PreConfig:    env.ResetCounts,
				RefreshState: true,
				Check: resource.ComposeAggregateTestCheckFunc(
					env.CheckRequests("ShowTable", 120, 120),
					env.CheckRequests("ListTables", 0, 0),
					func(*terraform.State) error {
						env.WithEmulator(func(emu *emulator.Emulator) {
							n := emu.RequestCounts()
							t.Logf("refreshing 120 tables: %d ShowTable and %d ListTables calls", n["ShowTable"], n["ListTables"])
						})
						return nil
					},
				),
			},
			{Config: env.Config(forgotten)},
		},
	})
}
