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

// tableAlone is huaweidata_dli_table.test in database acc_catalog, made outside the
// configuration (no database or queue resource), unprotected.
func tableAlone(cols ...string) string {
	return `
resource "huaweidata_dli_table" "test" {
  database_name       = "acc_catalog"
  name                = "orders"
  data_location       = "DLI"
  deletion_protection = false
` + columns(cols...) + "}\n"
}

// createCatalog makes database acc_catalog through the API.
func createCatalog(env *acctest.Env, t *testing.T) {
	t.Helper()
	if err := env.Client(t).CreateDatabase(context.Background(), &model.CreateDatabaseRequestBody{DatabaseName: "acc_catalog"}); err != nil {
		t.Fatal(err)
	}
}

func TestAccDLITable_disappearsAndLostCreate(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.SetFaults(emulator.Faults{ErrorRates: map[int]float64{408: 1}, Operations: []string{"CreateTable"}})
	config := env.Config(tableConfig(`  data_location = "DLI"` + "\n  deletion_protection = false\n" + columns("id int")))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             tablesDestroyed(env, t),
		Steps: []resource.TestStep{
			{
				// The create is answered 408 after it took effect: it is not sent again. Then
				// the table is dropped outside Terraform.
				Config: config,
				Check: func(*terraform.State) error {
					env.SetFaults(emulator.Faults{})
					return env.Client(t).DeleteTable(context.Background(), "acc_catalog", "orders")
				},
				ConfigStateChecks:  []statecheck.StateCheck{env.ExpectRequests("CreateTable", 1, 1)},
				ExpectNonEmptyPlan: true,
			},
			{
				Config:            config,
				ConfigPlanChecks:  acctest.ExpectAction(tableAddr, plancheck.ResourceActionCreate),
				ConfigStateChecks: []statecheck.StateCheck{tableColumns(env, t, "id int")},
			},
		},
	})
}

// TestAccDLITable_createConsistencyDelay: a table that DLI shows only some time after the
// create is waited for, within the consistency window: the apply succeeds, with the table's
// attributes read back, and the create is sent once.
func TestAccDLITable_createConsistencyDelay(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy: func(s *terraform.State) error {
			env.SetFaults(emulator.Faults{})
			return tablesDestroyed(env, t)(s)
		},
		Steps: []resource.TestStep{{
			PreConfig: func() {
				createCatalog(env, t)
				env.SetFaults(emulator.Faults{ConsistencyDelay: acctest.ConsistencyWindow * 2 / 3})
				env.Emulator.ResetCounts()
			},
			Config: env.Config(tableAlone("id INT", "dt string partition")),
			ConfigStateChecks: []statecheck.StateCheck{
				expectTable("id", knownvalue.StringExact("acc_catalog/orders")),
				expectTable("table_type", knownvalue.StringExact("MANAGED")),
				expectTable("owner", knownvalue.StringExact("demo_user")),
				expectTableColumn(0, "type", knownvalue.StringExact("INT")),
				expectTableColumn(1, "is_partition", knownvalue.Bool(true)),
				env.ExpectRequests("CreateTable", 1, 1),
				tableColumns(env, t, "id int", "dt string"),
			},
		}},
	})
}

// columnlessProxy serves env's emulator through a proxy that, while strip is set, answers
// every describe-table request with the columns removed: a malformed answer.
func columnlessProxy(t *testing.T, env *acctest.Env) (*acctest.Env, *atomic.Bool) {
	t.Helper()
	target, err := url.Parse(env.URL)
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
	return env.BehindCompat(srv.URL), strip
}

// TestAccDLITable_describeWithoutColumns: a describe answer without columns fails the
// refresh with an API error naming the table; it never plans a replacement or an update,
// and the state keeps the table's columns.
func TestAccDLITable_describeWithoutColumns(t *testing.T) {
	t.Parallel()
	env, strip := columnlessProxy(t, acctest.NewEnv(t))
	config := env.Config(tableAlone("id int", "name string"))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             tablesDestroyed(env, t),
		Steps: []resource.TestStep{
			{
				PreConfig: func() { createCatalog(env, t) },
				Config:    config,
			},
			{
				PreConfig:   func() { strip.Store(true) },
				Config:      config,
				ExpectError: regexp.MustCompile(`(?s)Reading DLI table acc_catalog\.orders.*column`),
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
					tableColumns(env, t, "id int", "name string"),
				},
			},
		},
	})
}

// fastClient is a client against the emulator without the default rate limit, to set up
// hundreds of objects quickly.
func fastClient(env *acctest.Env, t *testing.T) *client.Client {
	t.Helper()
	c, err := client.New(client.Config{
		Region: emulator.DemoRegion, ProjectID: emulator.DemoProjectID,
		AccessKey: emulator.DemoAccessKey, SecretKey: emulator.DemoSecretKey, RateLimit: 10000,
		Endpoints: map[client.Service]string{client.ServiceDLI: env.URL, client.ServiceIAM: env.URL},
	})
	if err != nil {
		t.Fatal(err)
	}
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
	setup := func() {
		ctx := context.Background()
		c := fastClient(env, t)
		if err := c.CreateDatabase(ctx, &model.CreateDatabaseRequestBody{DatabaseName: "acc_bulk"}); err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 120; i++ {
			err := c.CreateTable(ctx, "acc_bulk", &model.CreateTableRequestBody{
				TableName: fmt.Sprintf("t_%d", i), DataLocation: "DLI", Columns: []model.Column{{ColumnName: "id", Type: "int"}},
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		// Objects made outside Terraform become visible late, like Terraform's own: import
		// them once they are.
		err := c.AwaitVisible(ctx, time.Now(), func(ctx context.Context) error {
			_, err := c.ShowTable(ctx, "acc_bulk", "t_119")
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	tables := `
locals {
  tables = range(120)
}

resource "huaweidata_dli_database" "db" {
  name          = "acc_bulk"
  force_destroy = true
}
`
	managed := tables + `
import {
  to = huaweidata_dli_database.db
  id = "acc_bulk"
}

import {
  for_each = local.tables
  to       = huaweidata_dli_table.test[each.value]
  id       = "acc_bulk/t_${each.value}"
}

resource "huaweidata_dli_table" "test" {
  count         = 120
  database_name = huaweidata_dli_database.db.name
  name          = "t_${count.index}"
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
				PreConfig:    env.Emulator.ResetCounts,
				RefreshState: true,
				Check: resource.ComposeAggregateTestCheckFunc(
					env.CheckRequests("ShowTable", 120, 120),
					env.CheckRequests("ListTables", 0, 0),
					func(*terraform.State) error {
						t.Logf("refreshing 120 tables: %d ShowTable and %d ListTables calls", env.Count("ShowTable"), env.Count("ListTables"))
						return nil
					},
				),
			},
			{Config: env.Config(forgotten)},
		},
	})
}
