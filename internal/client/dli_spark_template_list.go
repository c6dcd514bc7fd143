package client

import "context"

// ListSparkTemplates returns every Spark template of the project (§5.3), every page.
func (c *Client) ListSparkTemplates(ctx context.Context) ([]SparkTemplate, error) {
	return c.findSparkTemplates(ctx, "")
}
