package client

import "context"

// batchListPageSize is the largest §10.1.3 page the provider asks for.
const batchListPageSize = 100

// ListAllBatchJobs lists every batch job that passes the filter (§10.1.3), newest first,
// reading every page (100 jobs a page); the filters are applied by DLI. f.From and f.Size
// are ignored.
func (c *Client) ListAllBatchJobs(ctx context.Context, f BatchJobFilter) ([]BatchJob, error) {
	if f.Order == "" {
		f.Order = "CREATE_TIME_DESC"
	}
	return listAll(ctx, pager[BatchJob]{
		operation: "ListSparkJobs", path: batchesPath, pageSize: batchListPageSize,
		key: func(j BatchJob) string { return j.ID },
		fetch: func(ctx context.Context, _, offset int) (listPage[BatchJob], error) {
			f.From, f.Size = offset, batchListPageSize
			page, err := c.ListBatchJobs(ctx, f)
			if err != nil {
				return listPage[BatchJob]{}, err
			}
			return listPage[BatchJob]{items: page.Sessions, total: page.Total}, nil
		},
	})
}
