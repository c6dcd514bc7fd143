package datasources_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
)

// connectionsResources are two connections, a and b, whose names start with prefix.
func connectionsResources(a, b, prefix string) string {
	return fmt.Sprintf(`
resource "huaweidata_dli_connection" "a" {
  name      = %[1]q
  vpc_id    = "vpc-0001"
  subnet_id = "subnet-0001"
  tags      = { env = "test", team = "bi" }
  hosts     = [{ name = "db1", ip = "192.168.0.10" }]
}

resource "huaweidata_dli_connection" "b" {
  name      = %[2]q
  vpc_id    = "vpc-0002"
  subnet_id = "subnet-0002"
  tags      = { env = "prod" }
}

# Read in the same apply, right after the creates.
data "huaweidata_dli_connections" "fresh" {
  name_regex = "^%[3]sconn_"
  depends_on = [huaweidata_dli_connection.a, huaweidata_dli_connection.b]
}
`, a, b, prefix)
}

// connectionsQueries are the lists with each filter, kept to the test's names (on a shared
// account other tests' connections are listed too: the tags and status filters still
// leave out one connection, or both).
func connectionsQueries(b, prefix string) string {
	return fmt.Sprintf(`
data "huaweidata_dli_connections" "test" {
  name_regex = "^%[2]sconn_"
}

data "huaweidata_dli_connections" "by_name" {
  name = %[1]q
}

data "huaweidata_dli_connections" "by_tags" {
  tags       = { env = "test" }
  name_regex = "^%[2]s"
}

data "huaweidata_dli_connections" "deleted" {
  status     = "DELETED"
  name_regex = "^%[2]s"
}
`, b, prefix)
}

// TestAccDLIConnections_filters: the connections, sorted by name, with the API's filters
// (name, status, tags) and name_regex; each read of the data source is one listing, and the
// connection resources do not list.
func TestAccDLIConnections_filters(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	prefix := env.Prefix()
	a, b := env.Name("conn_a"), env.Name("conn_b")
	resources := connectionsResources(a, b, prefix)
	const all = "data.huaweidata_dli_connections.test"
	ds := func(name string) string { return "data.huaweidata_dli_connections." + name }
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             acctest.CheckNothingLeft(env),
		Steps: []resource.TestStep{
			{
				// Created with the emulator's consistency delay: the data source read right
				// after them waits until they are listed.
				Config:            env.Config(resources),
				ConfigStateChecks: []statecheck.StateCheck{expectAttr(ds("fresh"), "connections", names(a, b))},
			},
			{
				Config: env.Config(resources + connectionsQueries(b, prefix)),
				ConfigStateChecks: []statecheck.StateCheck{
					expectAttr(all, "connections", names(a, b)),
					statecheck.CompareValuePairs(all, pathOf("connections.0.id"), "huaweidata_dli_connection.a", pathOf("id"), compare.ValuesSame()),
					expectAttr(all, "connections.0", knownvalue.ObjectExact(map[string]knownvalue.Check{
						"id": knownvalue.NotNull(), "name": knownvalue.StringExact(a), "status": knownvalue.StringExact("ACTIVE"),
						"vpc_id": knownvalue.StringExact("vpc-0001"), "subnet_id": knownvalue.StringExact("subnet-0001"),
						"queues": knownvalue.ListSizeExact(0),
						"hosts": knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectExact(map[string]knownvalue.Check{
							"name": knownvalue.StringExact("db1"), "ip": knownvalue.StringExact("192.168.0.10"),
						})}),
						"create_time": knownvalue.StringRegexp(regexpOf(`^20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$`)),
					})),
					expectAttr(ds("by_name"), "connections", names(b)),
					expectAttr(ds("by_name"), "connections.0.vpc_id", knownvalue.StringExact("vpc-0002")),
					expectAttr(ds("by_tags"), "connections", names(a)),
					expectAttr(ds("deleted"), "connections", knownvalue.ListSizeExact(0)),
				},
			},
			{
				PreConfig:    env.ResetCounts,
				RefreshState: true,
				Check: resource.ComposeTestCheckFunc(
					env.CheckRequests("ListEnhancedConnections", 5, 5),
					env.CheckRequests("ShowEnhancedConnection", 2, 2),
				),
			},
		},
	})
}

func TestAccDLIConnections_planErrors(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.ExpectPlanErrors(t, map[string]acctest.PlanError{
		"bad regex": {
			Config: `data "huaweidata_dli_connections" "test" { name_regex = "\\" }`,
			Want:   `(?s)name_regex\s+must\s+be\s+a\s+regular\s+expression\s+in\s+RE2\s+syntax.*trailing\s+backslash`,
		},
		"status": {
			Config: `data "huaweidata_dli_connections" "test" { status = "active" }`,
			Want:   `(?s)Attribute\s+status\s+value\s+must\s+be\s+one\s+of.*"ACTIVE"`,
		},
		"name": {
			Config: `data "huaweidata_dli_connections" "test" { name = "acc-conn" }`,
			Want:   `Attribute\s+name\s+must\s+contain\s+only\s+letters,\s+digits\s+and\s+underscores`,
		},
		"tag value": {
			Config: `data "huaweidata_dli_connections" "test" { tags = { env = "" } }`,
			Want:   `Attribute\s+tags\["env"\]\s+UTF-8\s+character\s+count\s+must\s+be\s+between\s+1\s+and\s+255`,
		},
	})
}
