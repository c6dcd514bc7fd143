package framework

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// DeleteAndWait is the tail of a Delete: del deletes the object, then wait waits until it is
// gone; what names it ("DLI queue q1") in the errors, which are added to diags. It reports
// whether both succeeded.
func DeleteAndWait(ctx context.Context, what string, del, wait func(context.Context) error, diags *diag.Diagnostics) bool {
	if err := del(ctx); err != nil {
		APIError(diags, "Deleting "+what, err)
		return false
	}
	if err := wait(ctx); err != nil {
		APIError(diags, "Waiting for "+what+" to be deleted", err)
		return false
	}
	return true
}
