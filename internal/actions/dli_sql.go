package actions

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
)

var _ action.ActionWithConfigure = (*dliSQLAction)(nil)

// NewDLISQL returns the huaweidata_dli_sql action.
func NewDLISQL() action.Action {
	return &dliSQLAction{ActionBase: framework.NewActionBase("dli_sql", 30*time.Minute)}
}

type dliSQLAction struct {
	framework.ActionBase
}

type dliSQLModel struct {
	QueueName    types.String         `tfsdk:"queue_name"`
	DatabaseName types.String         `tfsdk:"database_name"`
	SQL          types.String         `tfsdk:"sql"`
	Timeout      timetypes.GoDuration `tfsdk:"timeout"`
}

func (a *dliSQLAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Runs one SQL statement on a DLI SQL queue and waits until it has finished: for one-off " +
			"statements such as `MSCK REPAIR TABLE`, `INSERT OVERWRITE` or a maintenance `ALTER TABLE`, invoked after " +
			"an apply with `terraform apply -invoke=action.huaweidata_dli_sql.<name>` or from a resource's " +
			"`lifecycle { action_trigger { ... } }`. The statement runs each time the action is invoked; Terraform " +
			"keeps no state of it. A statement that fails (a syntax error, a missing table, …) fails the invocation " +
			"with DLI's message. Tables and databases that Terraform manages should be changed through their resources.",
		Attributes: map[string]schema.Attribute{
			"queue_name": schema.StringAttribute{
				MarkdownDescription: "The SQL queue that runs the statement.",
				Required:            true,
				Validators:          []validator.String{validators.QueueName()},
			},
			"database_name": schema.StringAttribute{
				MarkdownDescription: "The database the statement runs in (its unqualified table names refer to it). " +
					"Unset: the statement must qualify its tables (`db.table`) or not use any.",
				Optional:   true,
				Validators: []validator.String{stringvalidator.LengthBetween(1, 128)},
			},
			"sql": schema.StringAttribute{
				MarkdownDescription: "The SQL statement: exactly one, not blank.",
				Required:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1), validators.NotBlank()},
			},
			"timeout": a.TimeoutAttribute(),
		},
	}
}

func (a *dliSQLAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var m dliSQLModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := a.Invocation(ctx, m.Timeout, resp)
	defer cancel()
	queue := m.QueueName.ValueString()
	framework.Progress(resp, "Running the SQL statement on queue %s", queue)
	if err := a.Client.RunSQL(ctx, queue, m.DatabaseName.ValueString(), m.SQL.ValueString()); err != nil {
		framework.APIError(&resp.Diagnostics, "Running an SQL statement on DLI queue "+queue, err)
		return
	}
	framework.Progress(resp, "The SQL statement finished on queue %s", queue)
}
