package resources

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// imagePattern is a custom Flink image: <organization>/<image>:<version> (SDK image).
var imagePattern = regexp.MustCompile(`^[^/\s:]+/[^/\s:]+:[^/\s:]+$`)

// flinkJarImageRules are the documented rules of a Flink Jar job's image (SDK
// CreateFlinkJarJobRequestBody):
//   - image is used with feature custom, which requires it;
//   - flink_version picks DLI's basic image, so it is not set with feature custom;
//   - execution_agency_urn needs Flink 1.15 or later.
type flinkJarImageRules struct{}

var _ resource.ConfigValidator = flinkJarImageRules{}

func (flinkJarImageRules) Description(context.Context) string {
	return "image exactly with feature custom; no flink_version with feature custom; execution_agency_urn needs flink_version 1.15 or later"
}

func (r flinkJarImageRules) MarkdownDescription(ctx context.Context) string {
	return r.Description(ctx)
}

func (flinkJarImageRules) ValidateResource(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var feature, image, version, agency types.String
	for name, dst := range map[string]*types.String{"feature": &feature, "image": &image, "flink_version": &version, "execution_agency_urn": &agency} {
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(name), dst)...)
	}
	if resp.Diagnostics.HasError() || feature.IsUnknown() {
		return
	}
	custom := feature.ValueString() == "custom"
	switch {
	case custom && image.IsNull():
		resp.Diagnostics.AddAttributeError(path.Root("image"), "Missing image",
			"feature = \"custom\" runs the job on your Flink image: set image = \"<organization>/<image>:<version>\".")
	case !custom && !image.IsNull() && !image.IsUnknown():
		resp.Diagnostics.AddAttributeError(path.Root("image"), "image needs feature custom",
			fmt.Sprintf("image is only used with feature = \"custom\"; feature is %q. Set feature = \"custom\" or remove image.", feature.ValueString()))
	}
	if custom && !version.IsNull() && !version.IsUnknown() {
		resp.Diagnostics.AddAttributeError(path.Root("flink_version"), "flink_version with feature custom",
			"flink_version picks DLI's basic Flink image; with feature = \"custom\" your image decides the version. Remove flink_version.")
	}
	if !agency.IsNull() && !version.IsUnknown() && !atLeastFlink115(version.ValueString()) {
		resp.Diagnostics.AddAttributeError(path.Root("execution_agency_urn"), "execution_agency_urn needs Flink 1.15",
			fmt.Sprintf("execution_agency_urn is supported from Flink 1.15; set flink_version to 1.15 or later (it is %q).", version.ValueString()))
	}
}

// atLeastFlink115 reports whether a Flink version ("1.12") is 1.15 or later.
func atLeastFlink115(v string) bool {
	major, minor, ok := strings.Cut(v, ".")
	a, errA := strconv.Atoi(major)
	b, errB := strconv.Atoi(minor)
	return ok && errA == nil && errB == nil && (a > 1 || (a == 1 && b >= 15))
}
