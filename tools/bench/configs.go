package main

import (
	"fmt"
	"strings"
)

// kinds maps each benchmarked kind to the configuration (without provider block) of n of it.
func kinds() map[string]func(n int) string {
	return map[string]func(n int) string{
		"variables":     variables,
		"databases":     databases,
		"tables_one_db": tablesOneDatabase,
		"tables_per_db": tablesPerDatabase,
		"queues":        queues,
		"flink_jobs":    flinkJobs,
		"batch_jobs":    batchJobs,
		"connections":   connections,
		"mixed":         mixed,
		"queue_plans":   queuePlans,      // issue 14: queue scaling plans
		"permissions":   permissions,     // permissions (issue 15)
		"packages":      packages,        // issue 17: resource packages
		"auths":         datasourceAuths, // datasource auth (issue 17)
		// issue 16: SQL jobs
		"sql_jobs":      sqlJobs,
		"sql_templates": sqlTemplates,
		// issue 14: elastic resource pools
		"pools":         pools,
		"pooled_queues": pooledQueues,
		// issue 16 part B: Flink Jar jobs
		"flink_jar_jobs": flinkJarJobs,
		// job templates other than SQL ones
		"spark_templates": sparkTemplates,
		"flink_templates": flinkTemplates,
	}
}

// quotaLimit is the most objects of a kind a DLI project may hold.
type quotaLimit struct {
	max int
	why string
}

// quotaLimits are the kinds whose quota is below the benchmark's sizes: they are run only
// at the sizes the quota allows.
var quotaLimits = map[string]quotaLimit{
	"flink_templates": {100, "DLI allows at most 100 Flink job templates per project (DLI.1028)"},
}

// resourceCount is how many resources a kind's configuration at n manages.
func resourceCount(kind string, n int) int {
	switch kind {
	case "tables_one_db", "flink_jobs", "batch_jobs", "connections", "queue_plans", "pooled_queues":
		return n + 1
	case "tables_per_db", "permissions":
		return 2 * n
	case "mixed":
		m := mixedSizes(n)
		return m.vars + m.dbs + m.tables + m.queues + 1 + m.flink + m.batch + m.conns
	case "flink_jar_jobs": // issue 16 part B
		return n + 1
	}
	return n
}

func providerBlock(url string) string {
	return fmt.Sprintf(`terraform {
  required_providers {
    huaweidata = { source = "huaweidata/huaweidata" }
  }
}

provider "huaweidata" {
  region     = "cn-north-4"
  project_id = "0a1b2c3d4e5f60718293a4b5c6d7e8f9"
  endpoints  = { dli = %[1]q, dataarts = %[1]q, iam = %[1]q }
}
`, url)
}

func variables(n int) string {
	return fmt.Sprintf(`
resource "huaweidata_dli_global_variable" "v" {
  count = %d
  name  = "bench_v${count.index}"
  value = "value-${count.index}"
}
`, n)
}

func databases(n int) string {
	return fmt.Sprintf(`
resource "huaweidata_dli_database" "d" {
  count = %d
  name  = "bench_db${count.index}"
}
`, n)
}

const tableColumns = `  columns = [
    { name = "id", type = "bigint" },
    { name = "name", type = "string" },
  ]
  deletion_protection = false`

func tablesOneDatabase(n int) string {
	return fmt.Sprintf(`
resource "huaweidata_dli_database" "d" {
  name          = "bench_tables"
  force_destroy = true
}

resource "huaweidata_dli_table" "t" {
  count         = %d
  database_name = huaweidata_dli_database.d.name
  name          = "t${count.index}"
  data_location = "DLI"
%s
}
`, n, tableColumns)
}

func tablesPerDatabase(n int) string {
	return databases(n) + fmt.Sprintf(`
resource "huaweidata_dli_table" "t" {
  count         = %d
  database_name = huaweidata_dli_database.d[count.index].name
  name          = "t"
  data_location = "DLI"
%s
}
`, n, tableColumns)
}

func queues(n int) string {
	return fmt.Sprintf(`
resource "huaweidata_dli_queue" "q" {
  count    = %d
  name     = "bench_q${count.index}"
  cu_count = 16
}
`, n)
}

const generalQueue = `
resource "huaweidata_dli_queue" "general" {
  name       = "bench_general"
  cu_count   = 64
  queue_type = "general"
}
`

func flinkJobs(n int) string {
	return generalQueue + fmt.Sprintf(`
resource "huaweidata_dli_flink_sql_job" "f" {
  count           = %d
  name            = "bench_flink_${count.index}"
  queue_name      = huaweidata_dli_queue.general.name
  run_mode        = "exclusive_cluster"
  sql             = "INSERT INTO sink SELECT * FROM source"
  cu_number       = 2
  parallel_number = 1
  desired_state   = "running"
}
`, n)
}

// flinkJarJobs is n running Flink Jar jobs on one queue (issue 16 part B).
func flinkJarJobs(n int) string {
	return generalQueue + fmt.Sprintf(`
resource "huaweidata_dli_flink_jar_job" "j" {
  count           = %d
  name            = "bench_jar_${count.index}"
  queue_name      = huaweidata_dli_queue.general.name
  entrypoint      = "obs://bench/jars/stream.jar"
  main_class      = "com.example.Stream"
  entrypoint_args = "--id ${count.index}"
  cu_number       = 2
  parallel_number = 1
  desired_state   = "running"
}
`, n)
}

func batchJobs(n int) string {
	return generalQueue + fmt.Sprintf(`
resource "huaweidata_dli_batch_job" "b" {
  count      = %d
  name       = "bench_batch_${count.index}"
  queue_name = huaweidata_dli_queue.general.name
  file       = "obs://bench/jars/etl.jar"
  class_name = "com.example.Etl"
  wait_for   = "submitted"
}
`, n)
}

func connections(n int) string {
	return generalQueue + fmt.Sprintf(`
resource "huaweidata_dli_connection" "c" {
  count     = %d
  name      = "bench_conn_${count.index}"
  vpc_id    = "0f4c1e2d-3b5a-4c6d-8e7f-9a0b1c2d3e4f"
  subnet_id = "5d6e7f80-91a2-4b3c-8d4e-5f6a7b8c9d0e"
  queues    = [huaweidata_dli_queue.general.name]
}
`, n)
}

type mixedSize struct{ vars, dbs, tables, queues, flink, batch, conns int }

// mixedSizes splits n resources the way a data platform's estate looks: mostly variables,
// databases and tables, a few queues and jobs.
func mixedSizes(n int) mixedSize {
	return mixedSize{vars: n * 3 / 10, dbs: n / 5, tables: n * 3 / 10, queues: n / 20, flink: n / 20, batch: n / 40, conns: n / 40}
}

func mixed(n int) string {
	m := mixedSizes(n)
	var b strings.Builder
	b.WriteString(variables(m.vars))
	b.WriteString(databases(m.dbs))
	fmt.Fprintf(&b, `
resource "huaweidata_dli_table" "t" {
  count         = %d
  database_name = huaweidata_dli_database.d[count.index %% %d].name
  name          = "t${count.index}"
  data_location = "DLI"
%s
}
`, m.tables, m.dbs, tableColumns)
	b.WriteString(queues(m.queues))
	body := flinkJobs(m.flink)
	b.WriteString(body)
	b.WriteString(strings.Replace(batchJobs(m.batch), generalQueue, "", 1))
	b.WriteString(strings.Replace(connections(m.conns), generalQueue, "", 1))
	b.WriteString(listDataSources) // issue 18 item 4
	return b.String()
}

// queuePlans is n scheduled scaling plans on one queue (issue 14): their refresh shares
// one plan listing of the queue.
func queuePlans(n int) string {
	return fmt.Sprintf(`
resource "huaweidata_dli_queue" "planned" {
  name     = "bench_planned"
  cu_count = 16
  lifecycle {
    ignore_changes = [cu_count]
  }
}

resource "huaweidata_dli_queue_scaling_plan" "p" {
  count        = %d
  queue_name   = huaweidata_dli_queue.planned.name
  name         = "bench_plan_${count.index}"
  target_cu    = 16 * (1 + count.index %% 4)
  start_hour   = count.index %% 24
  start_minute = count.index %% 60
  repeat_days  = ["SATURDAY"]
}
`, n)
}

// permissions is n databases with one permission each (one user list per object; the
// emulator's sub-users are fixed, so the many-users-on-one-table case is an acceptance
// test, TestAccDLIPermission_refreshCost).
func permissions(n int) string {
	return fmt.Sprintf(`
resource "huaweidata_dli_database" "d" {
  count = %d
  name  = "bench_perm_db${count.index}"
}

resource "huaweidata_dli_permission" "p" {
  count      = %d
  object     = "databases.${huaweidata_dli_database.d[count.index].name}"
  user_name  = "analyst"
  privileges = ["SELECT", "CREATE_TABLE"]
}
`, n, n)
}

// packages is n resource packages in one group (issue 17).
func packages(n int) string {
	return fmt.Sprintf(`
resource "huaweidata_dli_package" "p" {
  count       = %d
  group_name  = "bench_packages"
  type        = "jar"
  object_path = "https://bench.obs.cn-north-4.myhuaweicloud.com/jars/lib-${count.index}.jar"
}
`, n)
}

// datasourceAuths is n password authentications with write-only passwords (issue 17): a
// refresh reads them from one shared paged listing.
func datasourceAuths(n int) string {
	return fmt.Sprintf(`
resource "huaweidata_dli_datasource_auth" "a" {
  count               = %d
  name                = "bench_auth_${count.index}"
  type                = "passwd"
  username            = "user_${count.index}"
  password_wo         = "bench-password-${count.index}"
  password_wo_version = 1
}
`, n)
}

// sqlJobs is n queries on the default queue, each applied when its result is ready
// (issue 16).
func sqlJobs(n int) string {
	return fmt.Sprintf(`
resource "huaweidata_dli_sql_job" "j" {
  count = %d
  sql   = "select ${count.index} as n"
}
`, n)
}

// sqlTemplates is n SQL templates; a refresh of all of them reads one list (issue 16).
func sqlTemplates(n int) string {
	return fmt.Sprintf(`
resource "huaweidata_dli_sql_template" "t" {
  count = %d
  name  = "bench_tpl_${count.index}"
  sql   = "select ${count.index}"
}
`, n)
}

// sparkTemplates is n Spark job templates; each refresh reads its template by id.
func sparkTemplates(n int) string {
	return fmt.Sprintf(`
resource "huaweidata_dli_spark_template" "t" {
  count = %d
  name  = "bench_spark_tpl_${count.index}"
  body = {
    file       = "obs://bench-bucket/jobs/etl.jar"
    class_name = "com.example.Etl${count.index}"
    queue_name = "default"
  }
}
`, n)
}

// flinkTemplates is n Flink job templates; a refresh of all of them reads one list.
func flinkTemplates(n int) string {
	return fmt.Sprintf(`
resource "huaweidata_dli_flink_template" "t" {
  count = %d
  name  = "bench_flink_tpl_${count.index}"
  type  = "flink_opensource_sql_job"
  sql   = "INSERT INTO snk SELECT ${count.index} FROM src"
}
`, n)
}

// listDataSources look up the mixed estate's collections (issue 18 item 4): they read the
// shared listings the resources refresh with, so they add no list call to a refresh.
const listDataSources = `
data "huaweidata_dli_databases" "bench" {
  name_regex = "^bench_db"
}

data "huaweidata_dli_global_variables" "bench" {
  name_regex = "^bench_v"
}

data "huaweidata_dli_connections" "bench" {
  name_regex = "^bench_conn_"
}
`
