package framework

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
)

// ReadFunc refreshes m from the API. It reports false when the object does not exist (with
// no error diagnostic) or when the read failed (with one).
type ReadFunc[M any] func(ctx context.Context, m *M, diags *diag.Diagnostics) bool

// writtenAtKey is the private-state key holding when this provider last wrote the object.
const writtenAtKey = "written_at"

// errNotVisible marks a read that found nothing, for AwaitVisible.
var errNotVisible = &client.NotFoundError{Kind: "object", Name: "just written"}

// errReadFailed stops AwaitVisible when a read added an error diagnostic.
var errReadFailed = errors.New("read failed")

// privateSetter is the part of a response's private state that records data.
type privateSetter interface {
	SetKey(ctx context.Context, key string, value []byte) diag.Diagnostics
}

// privateGetter is the part of a request's private state that reads data.
type privateGetter interface {
	GetKey(ctx context.Context, key string) ([]byte, diag.Diagnostics)
}

// MarkWritten records in private state that the object was written now, so that a refresh
// within the consistency window treats not-found as "not visible yet".
func MarkWritten(ctx context.Context, private privateSetter, diags *diag.Diagnostics) {
	diags.Append(private.SetKey(ctx, writtenAtKey, fmt.Appendf(nil, "%q", time.Now().UTC().Format(time.RFC3339Nano)))...)
}

// SaveWritten saves m to state right after a write, before any wait, and marks the object
// written (see MarkWritten): a wait that fails then leaves the object in state, tainted,
// instead of orphaned, and a refresh within the consistency window waits for it.
func SaveWritten(ctx context.Context, state *tfsdk.State, private privateSetter, m any, diags *diag.Diagnostics) {
	diags.Append(SetState(ctx, state, m)...)
	MarkWritten(ctx, private, diags)
}

// writtenAt returns when the object was last written by this provider (zero if unknown).
func writtenAt(ctx context.Context, private privateGetter) time.Time {
	raw, _ := private.GetKey(ctx, writtenAtKey)
	if len(raw) < 2 {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339Nano, string(raw[1:len(raw)-1]))
	if err != nil {
		return time.Time{}
	}
	return t
}

// ReadVisible calls read; while the object reads as not found and the consistency window that
// began at since is open, it reads again with growing delays. It reports whether the object
// was found; errors are added to diags.
func (b *ResourceBase) ReadVisible(ctx context.Context, since time.Time, read func(context.Context, *diag.Diagnostics) bool, diags *diag.Diagnostics) bool {
	found := false
	var lastTry time.Time
	err := b.Client.AwaitVisible(ctx, since, func(ctx context.Context) error {
		if !lastTry.IsZero() {
			// The previous read missed the object: read from a listing newer than it.
			ctx = client.ListedAfter(ctx, lastTry)
		}
		lastTry = time.Now()
		var d diag.Diagnostics
		found = read(ctx, &d)
		switch {
		case d.HasError():
			diags.Append(d...)
			return errReadFailed
		case !found:
			return errNotVisible
		}
		diags.Append(d...)
		return nil
	})
	if err != nil && !errors.Is(err, errReadFailed) && !client.IsNotFound(err) {
		diags.AddError("Reading after a write", err.Error())
	}
	return found && err == nil
}

// ReadBack refreshes m right after a create or update, waiting through the consistency
// window for the object to become visible. what names it ("DLI database sales"); when it
// is still not found the error says the object exists but cannot be read back.
func ReadBack[M any](ctx context.Context, b *ResourceBase, m *M, read ReadFunc[M], what string, diags *diag.Diagnostics) bool {
	found := b.ReadVisible(ctx, time.Now(), func(ctx context.Context, d *diag.Diagnostics) bool { return read(ctx, m, d) }, diags)
	if !found && !diags.HasError() {
		diags.AddError(what+" not found after the write",
			fmt.Sprintf("%s was written, but it could still not be read back after %s (the provider's consistency_window). "+
				"It may become visible later: run terraform apply again, which will find it.", what, b.Client.ConsistencyWindow()))
	}
	return found
}

// SaveReadBack is the tail of a Create or Update: it reads m back (see ReadBack) and saves
// it to state when it was found.
func SaveReadBack[M any](ctx context.Context, b *ResourceBase, m *M, read ReadFunc[M], what string, state *tfsdk.State, diags *diag.Diagnostics) {
	if ReadBack(ctx, b, m, read, what, diags) {
		diags.Append(SetState(ctx, state, m)...)
	}
}

// ReadOrRemove is the Read of a resource: the state is refreshed from the API, or removed,
// with a warning, when the object no longer exists. An object this provider wrote within
// the consistency window is never removed for reading as not found: it is read again until
// it becomes visible or the window closes.
func ReadOrRemove[M any](ctx context.Context, b *ResourceBase, req resource.ReadRequest, resp *resource.ReadResponse, read ReadFunc[M]) {
	var state M
	resp.Diagnostics.Append(GetState(ctx, req.State, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	since := writtenAt(ctx, req.Private)
	found := b.ReadVisible(ctx, since, func(ctx context.Context, d *diag.Diagnostics) bool { return read(ctx, &state, d) }, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if !found {
		removeGone(ctx, resp)
		return
	}
	resp.Diagnostics.Append(SetState(ctx, &resp.State, state)...)
}

// removeGone removes the resource from state with a warning saying it no longer exists.
func removeGone(ctx context.Context, resp *resource.ReadResponse) {
	resp.Diagnostics.AddWarning("Resource removed from state",
		"The object no longer exists in Huawei Cloud, so it was removed from the Terraform state; the next apply creates it again.")
	resp.State.RemoveResource(ctx)
}
