package resources

import (
	"context"
	"errors"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
)

// sqlSyntaxErrorCode is DLI's "SQL syntax error" code (Table 14-3).
const sqlSyntaxErrorCode = "DLI.0004"

// ModifyPlan warns when triggers will re-run the job, and checks the statement of a job to
// be submitted with DLI's check-sql (§7.3.9): one call, only when sql is new or changed and
// sql, queue_name and database_name are known. A syntax error fails the plan; any other
// answer (a database created by the same apply does not exist yet, an unreachable API) does
// not, as apply will tell.
func (r *dliSQLJobResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || r.Client == nil {
		return
	}
	if !sqlJobImported(ctx, req.Private, &resp.Diagnostics) {
		framework.WarnRerunOnTriggers(ctx, req, resp, "SQL job")
	}
	var sql, queue, database, before types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("sql"), &sql)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("queue_name"), &queue)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("database_name"), &database)...)
	if !req.State.Raw.IsNull() {
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("sql"), &before)...)
	}
	if resp.Diagnostics.HasError() || sql.IsUnknown() || queue.IsUnknown() || database.IsUnknown() || sql.Equal(before) {
		return
	}
	jobType, err := r.Client.CheckSQL(ctx, database.ValueString(), sql.ValueString())
	var apiErr *client.APIError
	switch {
	case err == nil:
		tflog.Debug(ctx, "check-sql accepted the statement", map[string]any{"job_type": jobType})
	case errors.As(err, &apiErr) && apiErr.Code == sqlSyntaxErrorCode:
		resp.Diagnostics.AddAttributeError(path.Root("sql"), "Invalid SQL",
			"sql must be one valid Spark SQL statement; DLI's check-sql API rejected it: "+err.Error())
	default:
		tflog.Info(ctx, "check-sql did not accept the statement; apply will run it and report", map[string]any{"error": err.Error()})
	}
}
