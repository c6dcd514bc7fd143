package validators

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// obsObjectURL is an OBS object URL (§8.1): https://<bucket>.obs.<endpoint>/<object key>.
var obsObjectURL = regexp.MustCompile(`^https://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\.obs\.[A-Za-z0-9.-]+\.[A-Za-z]{2,}/\S+$`)

// PackageObjectURL validates the OBS object a package is uploaded from (§8.1): an OBS
// object URL https://<bucket>.obs.<region endpoint>/<key> naming a file (not a folder),
// whose last segment, the package name, follows §8.8's rule.
func PackageObjectURL() validator.String { return packageObjectURLRule{} }

type packageObjectURLRule struct{}

func (packageObjectURLRule) Description(context.Context) string {
	return "an OBS object URL https://<bucket>.obs.<region endpoint>/<key>, e.g. https://my-bucket.obs.cn-north-4.myhuaweicloud.com/jars/etl.jar"
}

func (v packageObjectURLRule) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v packageObjectURLRule) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if unset(req) {
		return
	}
	u := req.ConfigValue.ValueString()
	var problem string
	switch name := u[strings.LastIndex(u, "/")+1:]; {
	case !obsObjectURL.MatchString(u):
		problem = "is not an OBS object URL"
	case name == "":
		problem = "names a folder, not a file"
	case !packageNameShape.MatchString(name):
		problem = fmt.Sprintf("ends in %q, which is not a valid package name (1 to 128 letters, digits, _, !, - and ., not starting with a dot)", name)
	}
	if problem != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid OBS object URL",
			fmt.Sprintf("%s %q %s; it must be %s.", req.Path, u, problem, v.Description(ctx)))
	}
}
