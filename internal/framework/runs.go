package framework

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// Helpers for the resources that stand for one run of a job (SQL and batch jobs): DLI
// forgets ended runs after a while, and a failed wait must still leave state showing the run.

// KeepEnded wraps read for the Read of a run. DLI keeps its job history for a limited time:
// a run that reads as gone while its state says it had ended has aged out, but it is still
// the run the resource stands for, so it stays in state as it is (forgetting it would run
// the job again). ended reports whether the state in m is an ended one; describe names the
// run in the log ("DLI SQL job <id>").
func KeepEnded[M any](read ReadFunc[M], ended func(m *M) bool, describe func(m *M) string) ReadFunc[M] {
	return func(ctx context.Context, m *M, diags *diag.Diagnostics) bool {
		if read(ctx, m, diags) {
			return true
		}
		if diags.HasError() || !ended(m) {
			return false
		}
		tflog.Info(ctx, "ended "+describe(m)+" no longer known to DLI; keeping it in state")
		return true
	}
}

// ReadBackAfterWait reads a run back after the wait for it, even after a failed wait (with a
// minute of its own, as the wait may have used up the timeout), so that state shows the run
// as it is, e.g. failed with its message: save is called with m when the run was found. It
// returns the read's diagnostics, for the caller to add when the wait succeeded (after a
// failed wait, the wait's error is the one to report).
func ReadBackAfterWait[M any](ctx context.Context, b *ResourceBase, m *M, read ReadFunc[M], what string, save func(m *M)) diag.Diagnostics {
	readCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
	defer cancel()
	var diags diag.Diagnostics
	if ReadBack(readCtx, b, m, read, what, &diags) {
		save(m)
	}
	return diags
}
