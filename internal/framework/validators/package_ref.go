package validators

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

var (
	// obsObjectPath is a complete OBS path obs://bucket/object: a bucket name (3 to 63
	// lowercase letters, digits, dots and hyphens, starting and ending with a letter or
	// digit) and an object key without spaces that does not end in "/".
	obsObjectPath = regexp.MustCompile(`^obs://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]/\S*[^/\s]$`)
	// packageGroupShape is §8.8's rule for a package group name.
	packageGroupShape = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)
	// packageNameShape is §8.8's rule for a package name: letters, digits, _, !, - and .,
	// not starting with a dot, at most 128 characters including the suffix.
	packageNameShape = regexp.MustCompile(`^[A-Za-z0-9_!-][A-Za-z0-9_!.-]{0,127}$`)
)

// PackageRef validates a reference to a package a job uses (§10.1.1, §9.4): a package
// uploaded to DLI resource management, as `<group>/<name>` (the `reference` of a
// huaweidata_dli_package) or `<name>` for an ungrouped one, or a complete OBS path
// obs://bucket/object. Group and package names follow §8.8's rules.
func PackageRef() validator.String { return packageRefRule{} }

type packageRefRule struct{}

func (packageRefRule) Description(context.Context) string {
	return "a DLI package <group>/<name> (or <name> for an ungrouped package), or an OBS path obs://bucket/object"
}

func (packageRefRule) MarkdownDescription(context.Context) string {
	return "a DLI package `<group>/<name>` (or `<name>` for an ungrouped package), or an OBS path `obs://bucket/object`"
}

func (v packageRefRule) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if unset(req) {
		return
	}
	if problem := packageRefProblem(req.ConfigValue.ValueString()); problem != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid package",
			fmt.Sprintf("%s %q %s; it must be %s.", req.Path, req.ConfigValue.ValueString(), problem, v.Description(ctx)))
	}
}

// packageRefProblem says what is wrong with a package reference, or "".
func packageRefProblem(p string) string {
	if strings.TrimSpace(p) == "" {
		return "is empty"
	}
	if strings.HasPrefix(p, "obs://") {
		if !obsObjectPath.MatchString(p) {
			return "is not a complete OBS path (obs://bucket/object): a bucket name of 3 to 63 lowercase letters, digits, dots and hyphens, then an object key without spaces that does not end in /"
		}
		return ""
	}
	if strings.Contains(p, "://") {
		return "is a URL: only OBS paths obs://bucket/object can be used here"
	}
	group, name, grouped := strings.Cut(p, "/")
	if !grouped {
		group, name = "", p
	}
	switch {
	case grouped && !packageGroupShape.MatchString(group):
		return "has an invalid group name (1 to 64 letters, digits, dots, underscores and hyphens)"
	case !packageNameShape.MatchString(name):
		return "has an invalid package name (1 to 128 letters, digits, _, !, - and ., not starting with a dot; a group and a name are separated by one /)"
	}
	return ""
}
