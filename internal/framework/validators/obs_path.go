package validators

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// obsBucketName is OBS's bucket naming rule: 3 to 63 characters, lowercase letters,
// digits, hyphens and periods, starting and ending with a letter or digit.
var obsBucketName = regexp.MustCompile(`^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$`)

// OBSObjectPath validates a complete OBS object path, obs://bucket/object, optionally
// ending in one of the given file suffixes (e.g. ".cer").
func OBSObjectPath(suffixes ...string) validator.String { return obsPathRule{suffixes: suffixes} }

// OBSBucketName validates an OBS bucket name.
func OBSBucketName() validator.String { return obsBucketRule{} }

type obsPathRule struct{ suffixes []string }

func (r obsPathRule) Description(context.Context) string {
	if len(r.suffixes) == 0 {
		return "an OBS path obs://bucket/object"
	}
	return "an OBS path obs://bucket/object ending in " + strings.Join(r.suffixes, " or ")
}

func (r obsPathRule) MarkdownDescription(ctx context.Context) string { return r.Description(ctx) }

func (r obsPathRule) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if unset(req) {
		return
	}
	p := req.ConfigValue.ValueString()
	okSuffix := len(r.suffixes) == 0
	for _, s := range r.suffixes {
		okSuffix = okSuffix || strings.HasSuffix(p, s)
	}
	if !obsObjectPath.MatchString(p) || !okSuffix {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid OBS path",
			fmt.Sprintf("%s %q must be %s.", req.Path, p, r.Description(ctx)))
	}
}

type obsBucketRule struct{}

func (obsBucketRule) Description(context.Context) string {
	return "an OBS bucket name: 3 to 63 lowercase letters, digits, hyphens and periods, starting and ending with a letter or digit"
}

func (r obsBucketRule) MarkdownDescription(ctx context.Context) string { return r.Description(ctx) }

func (r obsBucketRule) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if unset(req) {
		return
	}
	if b := req.ConfigValue.ValueString(); !obsBucketName.MatchString(b) {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid OBS bucket name",
			fmt.Sprintf("%s %q must be %s.", req.Path, b, r.Description(ctx)))
	}
}
