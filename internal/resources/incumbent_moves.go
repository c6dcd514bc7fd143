package resources

import (
	"context"
	"fmt"
	"strconv"

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
	return []resource.StateMover{framework.MoveFromIncumbent("huaweicloud_dli_flinksql_job", func(s framework.IncumbentState) error {
		id, err := strconv.ParseInt(s.String("id"), 10, 64)
		if err != nil {
			return fmt.Errorf("the job id %q is not a Flink job id (a number)", s.String("id"))
		}
		s["job_id"] = id
		delete(s, "status") // the incumbent's spelling ("job_running"); read again
		return nil
	})}
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
