package client

import (
	"context"
	"fmt"

	"golang.org/x/sync/errgroup"
)

// describeConcurrency bounds the describe-table requests DescribeTables has in flight.
const describeConcurrency = 4

// DescribeTables describes each named table of a database (§7.2.4; the list does not carry
// columns), a few at a time: one request per table. The result is in the order of names,
// with nil for a table that is gone (dropped since it was listed).
func (c *Client) DescribeTables(ctx context.Context, database string, names []string) ([]*TableDescription, error) {
	out := make([]*TableDescription, len(names))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(describeConcurrency)
	for i, name := range names {
		g.Go(func() error {
			d, err := c.ShowTable(gctx, database, name)
			if IsNotFound(err) {
				return nil
			}
			if err != nil {
				return fmt.Errorf("describing table %s/%s: %w", database, name, err)
			}
			out[i] = d
			return nil
		})
	}
	return out, g.Wait()
}
