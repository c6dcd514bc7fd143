package validators

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// obsObjectPath is a complete OBS object path: obs://bucket/object.
var obsObjectPath = regexp.MustCompile(`^obs://[^/\s]+/\S+$`)

// PackageRef validates a reference to a package a Spark job uses (§10.1.1): the name of a
// package uploaded to DLI resource management, or a complete OBS path obs://bucket/object.
func PackageRef() validator.String { return packageRefRule{} }

type packageRefRule struct{}

func (packageRefRule) Description(context.Context) string {
	return "a package name uploaded to DLI, or an OBS path obs://bucket/object"
}

func (v packageRefRule) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v packageRefRule) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if unset(req) {
		return
	}
	p := req.ConfigValue.ValueString()
	var problem string
	switch {
	case strings.TrimSpace(p) == "":
		problem = "is empty"
	case strings.HasPrefix(p, "obs://") && !obsObjectPath.MatchString(p):
		problem = "is not a complete OBS path (obs://bucket/object)"
	}
	if problem != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid package",
			fmt.Sprintf("%s %q %s; it must be %s.", req.Path, p, problem, v.Description(ctx)))
	}
}
