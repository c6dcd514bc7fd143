package migration_test

import (
	"testing"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
)

// incumbentWritten are states for the incumbent resources that ../shared/incumbent has no
// state file of, written attribute for attribute as the huaweicloud provider v1.97.1
// (source at a0345b8: huaweicloud/services/dli/resource_huaweicloud_dli_<type>.go) stores
// them, with its id formats, beside this provider's configuration of the same objects.
var incumbentWritten = map[string]struct {
	shape     string
	resources []incumbentResource
}{
	"package": {
		shape: `
resource "huaweidata_dli_package" "p" {
  group_name  = "mv_group"
  type        = "jar"
  object_path = "https://mv-bucket.obs.cn-north-4.myhuaweicloud.com/jobs/etl.jar"
}
`,
		resources: []incumbentResource{{"huaweicloud_dli_package", "p", map[string]any{
			"id": "mv_group#etl.jar", "region": "cn-north-4", "group_name": "mv_group", "type": "jar",
			"object_path": "https://mv-bucket.obs.cn-north-4.myhuaweicloud.com/jobs/etl.jar",
			"is_async":    false, "owner": "demo_user", "object_name": "etl.jar", "status": "READY",
			"created_at": "1796121114555", "updated_at": "1796121114555",
		}}},
	},
	"permission": {
		shape: databaseAndGrant("huaweidata_dli_permission"),
		resources: []incumbentResource{incumbentDatabase, {"huaweicloud_dli_permission", "grant", map[string]any{
			"id": "databases.mv_db/analyst", "region": "cn-north-4", "object": "databases.mv_db",
			"user_name": "analyst", "privileges": []any{"SELECT"}, "is_admin": false,
		}}},
	},
	"database_privilege": {
		shape: databaseAndGrant("huaweidata_dli_permission"),
		resources: []incumbentResource{incumbentDatabase, {"huaweicloud_dli_database_privilege", "grant", map[string]any{
			"id": "databases.mv_db/analyst", "region": "cn-north-4", "object": "databases.mv_db",
			"user_name": "analyst", "privileges": []any{"SELECT"},
		}}},
	},
	"agency": {
		shape: `
resource "huaweidata_dli_agency" "a" {
  roles = ["obs_adm", "dis_adm"]
}
`,
		resources: []incumbentResource{{"huaweicloud_dli_agency", "a", map[string]any{
			"id": "dli_admin_agency", "region": "cn-north-4", "roles": []any{"dis_adm", "obs_adm"}, "version": "v2",
		}}},
	},
	"datasource_auth": {
		shape: `
resource "huaweidata_dli_datasource_auth" "a" {
  name     = "mv_auth"
  type     = "passwd"
  username = "etl_reader"
  password = "incumbent-password"
}
`,
		resources: []incumbentResource{{"huaweicloud_dli_datasource_auth", "a", map[string]any{
			"id": "mv_auth", "region": "cn-north-4", "name": "mv_auth", "type": "passwd",
			"user_name": "etl_reader", "password": "incumbent-password", "owner": "demo_user",
			"certificate_location": "", "truststore_location": "", "truststore_password": "",
			"keystore_location": "", "keystore_password": "", "key_password": "", "krb5_conf": "", "keytab": "",
		}}},
	},
	"elastic_resource_pool": {
		shape: `
resource "huaweidata_dli_elastic_resource_pool" "pool" {
  name        = "mv_pool"
  description = "moved pool"
  min_cu      = 64
  max_cu      = 128
}
`,
		resources: []incumbentResource{{"huaweicloud_dli_elastic_resource_pool", "pool", map[string]any{
			"id": "5f2a7c1e-0000-4000-8000-000000000001", "region": "cn-north-4", "name": "mv_pool",
			"description": "moved pool", "min_cu": 64, "max_cu": 128, "cidr": "172.16.0.0/12",
			"enterprise_project_id": "0", "label": map[string]any{}, "status": "AVAILABLE",
			"current_cu": 64, "actual_cu": 64, "prepay_cu": 0, "created_at": "2026-12-01T08:00:00Z",
		}}},
	},
	"sql_template": {
		shape: `
resource "huaweidata_dli_sql_template" "t" {
  name  = "mv_totals"
  group = "etl"
  sql   = "SELECT 1"
}
`,
		resources: []incumbentResource{{"huaweicloud_dli_sql_template", "t", map[string]any{
			"id": "", "region": "cn-north-4", "name": "mv_totals", "sql": "SELECT 1",
			"description": "", "group": "etl", "owner": "demo_user",
		}}},
	},
	"spark_template": {
		shape: `
resource "huaweidata_dli_spark_template" "t" {
  name  = "mv_spark"
  group = "etl"
  body = {
    file       = "obs://mv-bucket/jobs/etl.jar"
    class_name = "com.example.Etl"
    queue_name = "default"
  }
}
`,
		resources: []incumbentResource{{"huaweicloud_dli_spark_template", "t", map[string]any{
			"id": "", "region": "cn-north-4", "name": "mv_spark", "group": "etl", "description": "",
			"body": []any{map[string]any{
				"queue_name": "default", "name": "", "app_name": "obs://mv-bucket/jobs/etl.jar",
				"main_class": "com.example.Etl", "app_parameters": []any{}, "specification": "",
				"jars": []any{}, "python_files": []any{}, "files": []any{}, "modules": []any{},
				"resources": []any{}, "dependent_packages": []any{}, "configurations": map[string]any{},
				"driver_memory": "", "executor_memory": "", "obs_bucket": "",
			}},
		}}},
	},
	"flinkjar_job": {
		shape: `
resource "huaweidata_dli_queue" "q" {
  name       = "mv_stream_q"
  cu_count   = 16
  queue_type = "general"
}

resource "huaweidata_dli_flink_jar_job" "j" {
  name       = "mv_jar"
  queue_name = huaweidata_dli_queue.q.name
  entrypoint = "obs://mv-bucket/jobs/stream.jar"
  main_class = "com.example.Stream"
}
`,
		resources: []incumbentResource{
			{"huaweicloud_dli_queue", "q", map[string]any{
				"id": "9ae0ae91-019a-44c7-99ef-293553bb8000", "name": "mv_stream_q", "cu_count": 16, "queue_type": "general",
				"description": "", "enterprise_project_id": "0", "platform": "x86_64", "resource_mode": 0, "feature": "",
				"owner": "demo_user", "resource_id": "9ae0ae91-019a-44c7-99ef-293553bb8000", "create_time": 1796121114555,
				"elastic_resource_pool_name": "", "scaling_policies": []any{}, "spark_driver": []any{}, "tags": map[string]any{},
				"region": "cn-north-4", "timeouts": nil, "vpc_cidr": "10.0.0.0/8", "subnet_cidr": nil, "management_subnet_cidr": nil,
			}},
			{"huaweicloud_dli_flinkjar_job", "j", map[string]any{
				"id": "", "region": "cn-north-4", "name": "mv_jar", "description": "", "queue_name": "mv_stream_q",
				"main_class": "com.example.Stream", "entrypoint": "obs://mv-bucket/jobs/stream.jar", "entrypoint_args": "",
				"dependency_jars": []any{}, "dependency_files": []any{}, "feature": "", "flink_version": "", "image": "",
				"cu_num": 2, "parallel_num": 1, "manager_cu_num": 1, "tm_cu_num": 1, "tm_slot_num": 1,
				"obs_bucket": "", "log_enabled": false, "smn_topic": "", "restart_when_exception": false,
				"resume_checkpoint": false, "resume_max_num": -1, "checkpoint_path": "", "checkpoint_enabled": false,
				"checkpoint_mode": "exactly_once", "checkpoint_interval": 10, "execution_agency_urn": "",
				"resource_config_version": "", "resource_config": []any{}, "status": "job_running",
			}},
		},
	},
	"flink_template": {
		shape: `
resource "huaweidata_dli_flink_template" "t" {
  name = "mv_flink_tpl"
  type = "flink_opensource_sql_job"
  sql  = "INSERT INTO snk SELECT id FROM src"
}
`,
		resources: []incumbentResource{{"huaweicloud_dli_flink_template", "t", map[string]any{
			"id": "", "region": "cn-north-4", "name": "mv_flink_tpl", "sql": "INSERT INTO snk SELECT id FROM src",
			"description": "", "type": "flink_opensource_sql_job", "created_at": "2026-12-01T08:00:00Z", "updated_at": "2026-12-01T08:00:00Z",
		}}},
	},
}

// emulatorOnlyShapes are the shapes that cannot run against a shared real account, and
// why; every other shape runs there too, its names prefixed (prefixNames).
var emulatorOnlyShapes = map[string]string{
	"agency":             "the DLI agency is one per project, not the test's to change",
	"permission":         "grants to analyst, an IAM user of the emulator's fixture",
	"database_privilege": "grants to analyst, an IAM user of the emulator's fixture",
}

// shapeEnv is the Env of the test of a shape: an EmulatedEnv's for emulatorOnlyShapes.
func shapeEnv(t *testing.T, shape string) *acctest.Env {
	t.Helper()
	if why, ok := emulatorOnlyShapes[shape]; ok {
		return acctest.NewEmulatedEnv(t, why).Env
	}
	return acctest.NewEnv(t)
}

// incumbentResource is one resource of a state written as the incumbent writes it.
type incumbentResource struct {
	typ, name string
	attrs     map[string]any
}

var incumbentDatabase = incumbentResource{"huaweicloud_dli_database", "db", map[string]any{
	"id": "9127c8c8-4b8b-4a20-9307-e07ff16d4954", "name": "mv_db", "description": "",
	"enterprise_project_id": "0", "owner": "demo_user", "region": nil, "tags": map[string]any{}, "timeouts": nil,
}}

func databaseAndGrant(permissionType string) string {
	return `
resource "huaweidata_dli_database" "db" {
  name = "mv_db"
}

resource "` + permissionType + `" "grant" {
  object     = "databases.${huaweidata_dli_database.db.name}"
  user_name  = "analyst"
  privileges = ["SELECT"]
}
`
}

// incumbentState is a state file holding resources of the huaweicloud provider.
func incumbentState(resources []incumbentResource) tfState {
	list := make([]any, 0, len(resources))
	for _, r := range resources {
		list = append(list, map[string]any{
			"mode": "managed", "type": r.typ, "name": r.name,
			"provider": `provider["registry.terraform.io/huaweicloud/huaweicloud"]`,
			"instances": []any{map[string]any{
				"schema_version": 0, "attributes": r.attrs, "sensitive_attributes": []any{}, "private": "bnVsbA==",
			}},
		})
	}
	return tfState{"version": 4, "terraform_version": "1.11.4", "serial": 1,
		"lineage": "00000000-0000-4000-8000-000000000000", "outputs": map[string]any{}, "resources": list}
}

// TestAccMoveFromIncumbentSchema moves the incumbent resources that ../shared/incumbent has
// no state of, from states written as that provider's schema stores them: nothing is
// created, destroyed or replaced, and the plan after the first apply is empty.
func TestAccMoveFromIncumbentSchema(t *testing.T) {
	for name, c := range incumbentWritten {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			testMove(t, shapeEnv(t, name), c.shape, incumbentState(c.resources))
		})
	}
}
