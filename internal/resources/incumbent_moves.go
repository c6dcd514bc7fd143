package resources

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
)

// What `moved` blocks from the incumbent huaweicloud provider's huaweicloud_dli_* resources
// turn into. Each rewrite renames the incumbent's attributes to ours and converts its id
// formats; attributes with no equivalent here are dropped, and the first refresh fills the
// computed ones. docs/guides/migrating-from-huaweicloud.md lists the mappings for users.

var (
	_ resource.ResourceWithMoveState = (*dliQueueResource)(nil)
	_ resource.ResourceWithMoveState = (*dliGlobalVariableResource)(nil)
	_ resource.ResourceWithMoveState = (*dliDatabaseResource)(nil)
	_ resource.ResourceWithMoveState = (*dliTableResource)(nil)
	_ resource.ResourceWithMoveState = (*dliFlinkSQLJobResource)(nil)
	_ resource.ResourceWithMoveState = (*dliBatchJobResource)(nil)
	_ resource.ResourceWithMoveState = (*dliConnectionResource)(nil)
	_ resource.ResourceWithMoveState = (*dliPackageResource)(nil)
	_ resource.ResourceWithMoveState = (*dliPermissionResource)(nil)
	_ resource.ResourceWithMoveState = (*dliAgencyResource)(nil)
	_ resource.ResourceWithMoveState = (*dliDatasourceAuthResource)(nil)
	_ resource.ResourceWithMoveState = (*dliSQLJobResource)(nil)
	_ resource.ResourceWithMoveState = (*dliElasticResourcePoolResource)(nil)
	_ resource.ResourceWithMoveState = (*dliSQLTemplateResource)(nil)
	_ resource.ResourceWithMoveState = (*dliSparkTemplateResource)(nil)
	_ resource.ResourceWithMoveState = (*dliFlinkJarJobResource)(nil)
	_ resource.ResourceWithMoveState = (*dliFlinkTemplateResource)(nil)
)

// MoveState accepts huaweicloud_dli_queue. The incumbent's id is the queue's resource id (a
// UUID, kept in resource_id); ours is the queue name.
func (r *dliQueueResource) MoveState(context.Context) []resource.StateMover {
	return []resource.StateMover{framework.MoveFromIncumbent("huaweicloud_dli_queue", func(s framework.IncumbentState) error {
		s["id"] = s.String("name")
		delete(s, "create_time") // epoch milliseconds there, RFC 3339 here: read again
		return nil
	})}
}

// MoveState accepts huaweicloud_dli_global_variable. A sensitive variable's value was
// stored masked ("******") by the incumbent, so it is not carried over: the first apply
// sends the configured value.
func (r *dliGlobalVariableResource) MoveState(context.Context) []resource.StateMover {
	return []resource.StateMover{framework.MoveFromIncumbent("huaweicloud_dli_global_variable", func(s framework.IncumbentState) error {
		s["id"] = s.String("name")
		if s["is_sensitive"] == true {
			delete(s, "value")
		}
		return nil
	})}
}

// MoveState accepts huaweicloud_dli_database, whose id is a UUID; ours is the name.
func (r *dliDatabaseResource) MoveState(context.Context) []resource.StateMover {
	return []resource.StateMover{framework.MoveFromIncumbent("huaweicloud_dli_database", func(s framework.IncumbentState) error {
		s["id"] = s.String("name")
		return nil
	})}
}

// MoveState accepts huaweicloud_dli_table; both ids are "<database>/<table>".
func (r *dliTableResource) MoveState(context.Context) []resource.StateMover {
	return []resource.StateMover{framework.MoveFromIncumbent("huaweicloud_dli_table", func(s framework.IncumbentState) error {
		s["id"] = s.String("database_name") + "/" + s.String("name")
		return nil
	})}
}

// MoveState accepts huaweicloud_dli_flinksql_job, whose id is the numeric job id.
func (r *dliFlinkSQLJobResource) MoveState(context.Context) []resource.StateMover {
	return []resource.StateMover{framework.MoveFromIncumbent("huaweicloud_dli_flinksql_job", moveFlinkJob)}
}

// moveFlinkJob turns the incumbent's Flink job id (a number in a string) into job_id too.
func moveFlinkJob(s framework.IncumbentState) error {
	id, err := strconv.ParseInt(s.String("id"), 10, 64)
	if err != nil {
		return fmt.Errorf("the job id %q is not a Flink job id (a number)", s.String("id"))
	}
	s["job_id"] = id
	delete(s, "status") // the incumbent's spelling ("job_running"); read again
	return nil
}

// MoveState accepts huaweicloud_dli_spark_job, whose arguments have the API's older names.
func (r *dliBatchJobResource) MoveState(context.Context) []resource.StateMover {
	return []resource.StateMover{framework.MoveFromIncumbent("huaweicloud_dli_spark_job", func(s framework.IncumbentState) error {
		for from, to := range map[string]string{
			"app_name":           "file",
			"main_class":         "class_name",
			"app_parameters":     "args",
			"configurations":     "conf",
			"dependent_packages": "groups", // the same shape: name and resources (name, type)
			"specification":      "sc_type",
			"max_retries":        "max_retry_times",
			"executors":          "num_executors",
		} {
			s.Rename(from, to)
		}
		if args, ok := s["args"].(string); ok { // one string there, a list here
			s["args"] = []any{args}
		}
		return nil
	})}
}

// MoveState accepts huaweicloud_dli_datasource_connection; both ids are the connection id.
func (r *dliConnectionResource) MoveState(context.Context) []resource.StateMover {
	return []resource.StateMover{framework.MoveFromIncumbent("huaweicloud_dli_datasource_connection", func(framework.IncumbentState) error {
		return nil
	})}
}

// MoveState accepts huaweicloud_dli_package, whose id is "<group>#<name>" (or the bare name
// of an ungrouped package, which this resource does not manage); ours is "<group>/<name>".
func (r *dliPackageResource) MoveState(context.Context) []resource.StateMover {
	return []resource.StateMover{framework.MoveFromIncumbent("huaweicloud_dli_package", func(s framework.IncumbentState) error {
		group, name, grouped := strings.Cut(s.String("id"), "#")
		if !grouped || group == "" {
			return fmt.Errorf("the package %q is in no group; this provider manages packages of a group only", s.String("id"))
		}
		s["id"], s["group_name"], s["object_name"] = group+"/"+name, group, name
		delete(s, "created_at") // read again, in this provider's format
		delete(s, "updated_at")
		return nil
	})}
}

// MoveState accepts huaweicloud_dli_permission and huaweicloud_dli_database_privilege: both
// hold one user's privileges on one object, with the id "<object>/<user_name>".
func (r *dliPermissionResource) MoveState(context.Context) []resource.StateMover {
	rewrite := func(s framework.IncumbentState) error {
		s["id"] = s.String("object") + "/" + s.String("user_name")
		return nil
	}
	return []resource.StateMover{
		framework.MoveFromIncumbent("huaweicloud_dli_permission", rewrite),
		framework.MoveFromIncumbent("huaweicloud_dli_database_privilege", rewrite),
	}
}

// MoveState accepts huaweicloud_dli_agency: the same roles and id.
func (r *dliAgencyResource) MoveState(context.Context) []resource.StateMover {
	return []resource.StateMover{framework.MoveFromIncumbent("huaweicloud_dli_agency", func(framework.IncumbentState) error {
		return nil
	})}
}

// MoveState accepts huaweicloud_dli_datasource_auth. Its secrets were stored in state as
// sensitive arguments and move to ours of the same names; `user_name` is `username` here.
func (r *dliDatasourceAuthResource) MoveState(context.Context) []resource.StateMover {
	return []resource.StateMover{framework.MoveFromIncumbent("huaweicloud_dli_datasource_auth", func(s framework.IncumbentState) error {
		s.Rename("user_name", "username")
		s["id"] = s.String("name")
		return nil
	})}
}

// MoveState accepts huaweicloud_dli_sql_job; both ids are the job id. The incumbent's `conf`
// (a block of named settings) has no one-to-one form here, and DLI returns neither it nor
// the database of every job, so the moved job is marked as imported: the first apply
// records `conf`, `triggers` and `database_name` as configured, in place, and runs nothing.
func (r *dliSQLJobResource) MoveState(context.Context) []resource.StateMover {
	mover := framework.MoveFromIncumbent("huaweicloud_dli_sql_job", func(s framework.IncumbentState) error {
		s["job_id"] = s.String("id")
		delete(s, "conf")
		return nil
	})
	move := mover.StateMover
	mover.StateMover = func(ctx context.Context, req resource.MoveStateRequest, resp *resource.MoveStateResponse) {
		move(ctx, req, resp)
		if resp.Diagnostics.HasError() || resp.TargetState.Raw.IsNull() {
			return
		}
		resp.Diagnostics.Append(resp.TargetPrivate.SetKey(ctx, sqlJobImportedKey, []byte("true"))...)
	}
	return []resource.StateMover{mover}
}

// MoveState accepts huaweicloud_dli_elastic_resource_pool, whose id is the pool's resource
// id (kept in resource_id); ours is the pool name.
func (r *dliElasticResourcePoolResource) MoveState(context.Context) []resource.StateMover {
	return []resource.StateMover{framework.MoveFromIncumbent("huaweicloud_dli_elastic_resource_pool", func(s framework.IncumbentState) error {
		s["resource_id"], s["id"] = s["id"], s.String("name")
		s.Rename("cidr", "cidr_in_vpc")
		delete(s, "created_at") // read again as create_time
		return nil
	})}
}

// MoveState accepts huaweicloud_dli_sql_template: the same id and arguments.
func (r *dliSQLTemplateResource) MoveState(context.Context) []resource.StateMover {
	return []resource.StateMover{framework.MoveFromIncumbent("huaweicloud_dli_sql_template", func(framework.IncumbentState) error {
		return nil
	})}
}

// MoveState accepts huaweicloud_dli_spark_template. Its `body` is a block (a list of one)
// with the API's older argument names, as huaweicloud_dli_spark_job has.
func (r *dliSparkTemplateResource) MoveState(context.Context) []resource.StateMover {
	return []resource.StateMover{framework.MoveFromIncumbent("huaweicloud_dli_spark_template", func(s framework.IncumbentState) error {
		blocks, _ := s["body"].([]any)
		if len(blocks) != 1 {
			return fmt.Errorf("the template has %d body blocks, want 1", len(blocks))
		}
		body, _ := blocks[0].(map[string]any)
		framework.DropEmpty(body) // before it becomes an object, which keeps its entries
		b := framework.IncumbentState(body)
		for from, to := range map[string]string{
			"name":           "job_name",
			"app_name":       "file",
			"main_class":     "class_name",
			"app_parameters": "args",
			"configurations": "conf",
			"specification":  "sc_type",
		} {
			b.Rename(from, to)
		}
		delete(b, "resources") // packages by type and groups have no place in this body
		delete(b, "dependent_packages")
		s["body"] = body
		return nil
	})}
}

// MoveState accepts huaweicloud_dli_flinkjar_job: the numeric job id, and the CU and
// parallelism settings under the names huaweidata_dli_flink_sql_job uses.
func (r *dliFlinkJarJobResource) MoveState(context.Context) []resource.StateMover {
	return []resource.StateMover{framework.MoveFromIncumbent("huaweicloud_dli_flinkjar_job", func(s framework.IncumbentState) error {
		for from, to := range map[string]string{
			"cu_num":         "cu_number",
			"parallel_num":   "parallel_number",
			"manager_cu_num": "manager_cu_number",
			"tm_cu_num":      "tm_cus",
		} {
			s.Rename(from, to)
		}
		return moveFlinkJob(s)
	})}
}

// MoveState accepts huaweicloud_dli_flink_template, whose id is the template id.
func (r *dliFlinkTemplateResource) MoveState(context.Context) []resource.StateMover {
	return []resource.StateMover{framework.MoveFromIncumbent("huaweicloud_dli_flink_template", func(s framework.IncumbentState) error {
		id, err := strconv.ParseInt(s.String("id"), 10, 64)
		if err != nil {
			return fmt.Errorf("the template id %q is not a Flink template id (a number)", s.String("id"))
		}
		s["template_id"] = id
		delete(s, "created_at") // read again as create_time and update_time
		delete(s, "updated_at")
		return nil
	})}
}
