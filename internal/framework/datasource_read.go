package framework

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// QueryFunc fills in the results of a data source's model m from its arguments; it adds
// its problems to diags.
type QueryFunc[M any] func(ctx context.Context, m *M, diags *diag.Diagnostics)

// ReadQuery is the Read of a data source: it reads the configuration into a model, lets
// query fill in the results and, unless that failed, saves the model as the state.
func ReadQuery[M any](ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse, query QueryFunc[M]) {
	var m M
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	query(ctx, &m, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
