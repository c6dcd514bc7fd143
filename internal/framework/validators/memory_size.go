package validators

import (
	"context"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// memorySizeShape is a positive size with a unit: k, m, g or t, optionally followed by b.
var memorySizeShape = regexp.MustCompile(`^[1-9][0-9]*([kKmMgGtT][bB]?)$`)

// MemorySize validates a Spark memory size, which DLI requires with a unit (2G, 2048M):
// without one the job fails to start.
func MemorySize() validator.String { return memorySizeRule{} }

type memorySizeRule struct{}

func (memorySizeRule) Description(context.Context) string {
	return "a positive size with a unit (k, m, g or t, optionally followed by b), e.g. 2G or 2048M"
}

func (v memorySizeRule) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v memorySizeRule) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if unset(req) {
		return
	}
	if m := req.ConfigValue.ValueString(); !memorySizeShape.MatchString(m) {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid memory size",
			fmt.Sprintf("%s %q must be %s: without a unit the job fails to start.", req.Path, m, v.Description(ctx)))
	}
}
