package client

import (
	"context"
	"maps"
	"net/http"
	"net/url"
	"strconv"
)

// SQLJobResult is the §7.3.6 preview of a finished query: its columns (one-key objects
// {"name": "type"}) and first rows, and the total row count.
type SQLJobResult struct {
	JobID    string              `json:"job_id"`
	RowCount int64               `json:"row_count"`
	Schema   []map[string]string `json:"schema"`
	Rows     [][]any             `json:"rows"`
}

func (r *SQLJobResult) validate() error {
	return requireFields(field{"job_id", r.JobID != ""}, field{"schema", r.Schema != nil})
}

// PreviewSQLJobResult reads the first rows (1 to 1000) of a finished QUERY job's result (§7.3.6).
func (c *Client) PreviewSQLJobResult(ctx context.Context, jobID string, rows int) (*SQLJobResult, error) {
	var out SQLJobResult
	err := c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "PreviewSqlJobResult", Method: http.MethodGet,
		Path: "/v1.0/{project_id}/jobs/" + jobID + "/preview", Query: url.Values{"page-size": {strconv.Itoa(rows)}},
	}, &out)
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// SQLJobFilter narrows a §7.3.5 listing; zero values do not filter. Times are epoch ms.
type SQLJobFilter struct {
	Queue, Status, JobType, SQLPattern, Owner, Tags string
	Start, End                                      int64
}

// sqlJobPage is one page of the §7.3.5 answer, with every field the client reads.
type sqlJobPage struct {
	JobCount *int           `json:"job_count"`
	Jobs     []SQLJobStatus `json:"jobs"`
}

func (p *sqlJobPage) validate() error {
	if err := requireFields(field{"jobs", p.Jobs != nil}); err != nil {
		return err
	}
	for i := range p.Jobs {
		if err := p.Jobs[i].validate(); err != nil {
			return err
		}
	}
	return nil
}

// sqlJobPageSize is the largest §7.3.5 page.
const sqlJobPageSize = 100

// ListSQLJobs lists the jobs that pass the filter (§7.3.5), newest first, reading every page
// (100 jobs a page); the filters are applied by DLI.
func (c *Client) ListSQLJobs(ctx context.Context, f SQLJobFilter) ([]SQLJobStatus, error) {
	q := url.Values{"page-size": {strconv.Itoa(sqlJobPageSize)}, "order": {"start_time_desc"}}
	setIfAny(q, "queue_name", f.Queue)
	setIfAny(q, "job-status", f.Status)
	setIfAny(q, "job-type", f.JobType)
	setIfAny(q, "sql_pattern", f.SQLPattern)
	setIfAny(q, "owner", f.Owner)
	setIfAny(q, "tags", f.Tags)
	setIfPositive(q, "start", f.Start)
	setIfPositive(q, "end", f.End)
	const path = "/v1.0/{project_id}/jobs"
	return listAll(ctx, pager[SQLJobStatus]{
		operation: "ListSqlJobs", path: path, pageSize: sqlJobPageSize,
		key: func(j SQLJobStatus) string { return j.JobID },
		fetch: func(ctx context.Context, number, _ int) (listPage[SQLJobStatus], error) {
			pq := maps.Clone(q)
			pq.Set("current-page", strconv.Itoa(number))
			var page sqlJobPage
			err := c.Do(ctx, Request{Service: ServiceDLI, Operation: "ListSqlJobs", Method: http.MethodGet, Path: path, Query: pq}, &page)
			return listPage[SQLJobStatus]{items: page.Jobs, total: totalOf(page.JobCount)}, err
		},
	})
}
