package resources

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
)

var _ list.ListResourceWithConfigure = (*dliSQLJobList)(nil)

// sqlJobExcerptLength is how many characters of a job's SQL make its display name.
const sqlJobExcerptLength = 60

// NewDLISQLJobList returns the list resource of huaweidata_dli_sql_job.
func NewDLISQLJobList() list.ListResource {
	return &dliSQLJobList{ListBase: framework.NewListBase("dli_sql_job", NewDLISQLJob)}
}

type dliSQLJobList struct {
	framework.ListBase
}

func (l *dliSQLJobList) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	startTime := func(side string) listschema.StringAttribute {
		return listschema.StringAttribute{
			MarkdownDescription: "Only jobs started " + side + " this time, an RFC 3339 timestamp such as `2026-01-31T22:00:00Z`; DLI applies it.",
			Optional:            true,
			CustomType:          timetypes.RFC3339Type{},
		}
	}
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Finds the DLI SQL jobs of the project (every statement ever submitted, as DLI keeps them), for " +
			"`terraform query` (Terraform 1.14 and later). SQL jobs have no name: each is shown by the start of its SQL, " +
			"and results come in that order. With `include_resource`, each job is read (one call per job).",
		Attributes: map[string]listschema.Attribute{
			"queue_name": listschema.StringAttribute{
				MarkdownDescription: "Only jobs that ran on this queue; DLI applies it.",
				Optional:            true,
			},
			"status": listschema.StringAttribute{
				MarkdownDescription: "Only jobs in this status: `LAUNCHING`, `RUNNING`, `FINISHED`, `FAILED` or `CANCELLED`; DLI applies it.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf("LAUNCHING", "RUNNING", "FINISHED", "FAILED", "CANCELLED")},
			},
			"job_type": listschema.StringAttribute{
				MarkdownDescription: "Only jobs of this type: `DDL`, `DCL`, `IMPORT`, `EXPORT`, `QUERY`, `INSERT`, `DATA_MIGRATION`, " +
					"`UPDATE`, `DELETE`, `RESTART_QUEUE` or `SCALE_QUEUE`; DLI applies it.",
				Optional: true,
				Validators: []validator.String{stringvalidator.OneOf("DDL", "DCL", "IMPORT", "EXPORT", "QUERY", "INSERT",
					"DATA_MIGRATION", "UPDATE", "DELETE", "RESTART_QUEUE", "SCALE_QUEUE")},
			},
			"sql_contains": listschema.StringAttribute{
				MarkdownDescription: "Only jobs whose SQL contains this text (case-insensitive), e.g. `INSERT INTO sales.`; DLI applies it.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"started_after":  startTime("at or after"),
			"started_before": startTime("at or before"),
		},
	}
}

func (l *dliSQLJobList) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var filter dliSQLJobListModel
	diags := req.Config.Get(ctx, &filter)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	after, d := epochMillis(filter.StartedAfter)
	diags.Append(d...)
	before, d := epochMillis(filter.StartedBefore)
	diags.Append(d...)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	jobs, err := l.Client.ListSQLJobs(ctx, client.SQLJobFilter{
		Queue: filter.QueueName.ValueString(), Status: filter.Status.ValueString(), JobType: filter.JobType.ValueString(),
		SQLPattern: filter.SQLContains.ValueString(), Start: after, End: before,
	})
	if err != nil {
		framework.APIError(&diags, "Listing DLI SQL jobs", err)
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	found := make([]framework.Listed, 0, len(jobs))
	for _, j := range jobs {
		found = append(found, framework.Listed{ImportID: j.JobID, DisplayName: sqlExcerpt(j.Statement, j.JobID)})
	}
	stream.Results = l.Stream(ctx, req, found, nil)
}

// epochMillis is t in epoch milliseconds, 0 when unset.
func epochMillis(t timetypes.RFC3339) (int64, diag.Diagnostics) {
	if t.IsNull() || t.IsUnknown() {
		return 0, nil
	}
	v, d := t.ValueRFC3339Time()
	return v.UnixMilli(), d
}

// sqlExcerpt is the display name of an SQL job: the start of its SQL on one line, or its id
// when DLI returns no statement.
func sqlExcerpt(statement, id string) string {
	s := strings.Join(strings.Fields(statement), " ")
	if s == "" {
		return id
	}
	if utf8.RuneCountInString(s) > sqlJobExcerptLength {
		s = string([]rune(s)[:sqlJobExcerptLength]) + "…"
	}
	return s
}

// dliSQLJobListModel is the `config` block of a huaweidata_dli_sql_job list.
type dliSQLJobListModel struct {
	QueueName     types.String      `tfsdk:"queue_name"`
	Status        types.String      `tfsdk:"status"`
	JobType       types.String      `tfsdk:"job_type"`
	SQLContains   types.String      `tfsdk:"sql_contains"`
	StartedAfter  timetypes.RFC3339 `tfsdk:"started_after"`
	StartedBefore timetypes.RFC3339 `tfsdk:"started_before"`
}
