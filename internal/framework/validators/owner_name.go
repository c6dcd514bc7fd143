package validators

import (
	"context"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// OwnerName checks the shape of an IAM user name.
func OwnerName() validator.String { return ownerNameRule{} }

type ownerNameRule struct{}

var ownerNameShape = regexp.MustCompile(`^[A-Za-z0-9_.-]{1,64}$`)

func (ownerNameRule) Description(context.Context) string {
	return "an IAM user name: 1 to 64 letters, digits, underscores, hyphens and dots"
}

func (v ownerNameRule) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v ownerNameRule) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if unset(req) {
		return
	}
	if !ownerNameShape.MatchString(req.ConfigValue.ValueString()) {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid owner",
			fmt.Sprintf("%s %q must be %s.", req.Path, req.ConfigValue.ValueString(), v.Description(ctx)))
	}
}
