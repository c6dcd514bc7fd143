package resources

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// withTimeout bounds ctx by the operation's timeout from the `timeouts` block, or def when
// it is not set. get is the block's method for the operation, e.g. plan.Timeouts.Create.
func withTimeout(ctx context.Context, get func(context.Context, time.Duration) (time.Duration, diag.Diagnostics),
	def time.Duration, diags *diag.Diagnostics) (context.Context, context.CancelFunc) {
	timeout, d := get(ctx, def)
	diags.Append(d...)
	return context.WithTimeout(ctx, timeout)
}
