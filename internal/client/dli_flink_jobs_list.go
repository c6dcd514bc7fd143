package client

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"
)

// FlinkJobQuery are the server-side filters of the Flink job list (§9.7); empty ones are
// not sent.
type FlinkJobQuery struct {
	Name      string
	Status    string
	QueueName string
	JobType   string
	Tags      map[string]string
}

// flinkDetailListResponse is the §9.7 answer with show_detail=true.
type flinkDetailListResponse struct {
	JobList *struct {
		TotalCount *int             `json:"total_count"`
		Jobs       []model.FlinkJob `json:"jobs"`
	} `json:"job_list"`
}

func (r *flinkDetailListResponse) validate() error {
	if err := requireFields(field{"job_list.jobs", r.JobList != nil && r.JobList.Jobs != nil}); err != nil {
		return err
	}
	for i, j := range r.JobList.Jobs {
		if j.JobId <= 0 {
			return fmt.Errorf("job_list.jobs[%d] lacks job_id", i)
		}
	}
	return nil
}

// ListFlinkJobs lists (§9.7, with details) every Flink job that matches q, paging through
// the list: one paged list per call.
func (c *Client) ListFlinkJobs(ctx context.Context, q FlinkJobQuery) ([]model.FlinkJob, error) {
	const path = "/v1.0/{project_id}/streaming/jobs"
	query := url.Values{"limit": {strconv.Itoa(flinkJobsPageSize)}, "show_detail": {"true"}, "order": {"asc"}}
	for name, v := range map[string]string{"name": q.Name, "status": q.Status, "queue_name": q.QueueName, "job_type": q.JobType} {
		if v != "" {
			query.Set(name, v)
		}
	}
	if len(q.Tags) > 0 {
		tags := make([]string, 0, len(q.Tags))
		for k, v := range q.Tags {
			tags = append(tags, k+"="+v)
		}
		sort.Strings(tags)
		query.Set("tags", strings.Join(tags, ","))
	}
	return listAll(ctx, pager[model.FlinkJob]{
		operation: "ListFlinkJobs", path: path, pageSize: flinkJobsPageSize,
		key: func(j model.FlinkJob) string { return strconv.FormatInt(j.JobId, 10) },
		fetch: func(ctx context.Context, _, offset int) (listPage[model.FlinkJob], error) {
			page := url.Values{}
			for k, v := range query {
				page[k] = v
			}
			page.Set("offset", strconv.Itoa(offset))
			var out flinkDetailListResponse
			err := c.Do(ctx, Request{Service: ServiceDLI, Operation: "ListFlinkJobs", Method: http.MethodGet, Path: path, Query: page}, &out)
			if err != nil {
				return listPage[model.FlinkJob]{total: -1}, err
			}
			return listPage[model.FlinkJob]{items: out.JobList.Jobs, total: totalOf(out.JobList.TotalCount)}, nil
		},
	})
}
