package framework

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

// Timeouts are a resource's default operation timeouts; a zero field means the resource
// has no `timeouts` entry for that operation.
type Timeouts struct {
	Create, Update, Delete time.Duration
}

// Block is the resource's `timeouts` block, documenting each operation's default.
func (t Timeouts) Block(ctx context.Context) schema.Block {
	b := timeouts.Block(ctx, timeouts.Opts{Create: t.Create > 0, Update: t.Update > 0, Delete: t.Delete > 0})
	if sb, ok := b.(schema.SingleNestedBlock); ok {
		sb.MarkdownDescription = t.description()
		b = sb
	}
	return b
}

func (t Timeouts) description() string {
	s := "How long each operation may take before Terraform stops waiting, as a duration string such as `30m` or `1h`. Defaults:"
	for _, op := range []struct {
		name string
		d    time.Duration
	}{{"create", t.Create}, {"update", t.Update}, {"delete", t.Delete}} {
		if op.d > 0 {
			s += fmt.Sprintf(" `%s` %s,", op.name, humanDuration(op.d))
		}
	}
	return s[:len(s)-1] + "."
}

func humanDuration(d time.Duration) string {
	if d%time.Hour == 0 {
		return fmt.Sprintf("%dh", d/time.Hour)
	}
	return fmt.Sprintf("%dm", d/time.Minute)
}

// CreateContext bounds ctx by the create timeout of the `timeouts` block, or the default.
func (b *ResourceBase) CreateContext(ctx context.Context, v timeouts.Value, diags *diag.Diagnostics) (context.Context, context.CancelFunc) {
	return withTimeout(ctx, v.Create, b.Timeouts.Create, diags)
}

// UpdateContext bounds ctx by the update timeout of the `timeouts` block, or the default.
func (b *ResourceBase) UpdateContext(ctx context.Context, v timeouts.Value, diags *diag.Diagnostics) (context.Context, context.CancelFunc) {
	return withTimeout(ctx, v.Update, b.Timeouts.Update, diags)
}

// DeleteContext bounds ctx by the delete timeout of the `timeouts` block, or the default.
func (b *ResourceBase) DeleteContext(ctx context.Context, v timeouts.Value, diags *diag.Diagnostics) (context.Context, context.CancelFunc) {
	return withTimeout(ctx, v.Delete, b.Timeouts.Delete, diags)
}

func withTimeout(ctx context.Context, get func(context.Context, time.Duration) (time.Duration, diag.Diagnostics),
	def time.Duration, diags *diag.Diagnostics) (context.Context, context.CancelFunc) {
	timeout, d := get(ctx, def)
	diags.Append(d...)
	return context.WithTimeout(ctx, timeout)
}
