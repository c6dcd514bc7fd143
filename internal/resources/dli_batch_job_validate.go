package resources

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
)

// Rules of the Spark batch create body (§10.1.1 and the SDK's CreateSparkJobRequestBody)
// that only this resource uses.
var (
	batchModuleRe  = regexp.MustCompile(`^sys\.[A-Za-z0-9_.-]+$`)
	batchVersionRe = regexp.MustCompile(`^[0-9]+\.[0-9]+\.[0-9]+$`)
	batchImageRe   = regexp.MustCompile(`^[^/\s]+/[^:\s]+:\S+$`)
	batchIDShape   = regexp.MustCompile(`^[A-Fa-f0-9][A-Fa-f0-9_-]*$`)

	batchResourceTypes = []string{"jar", "pyFile", "file", "modelFile"}
)

// ConfigValidators reports an integer beyond int32 (the SDK's type for the cores, executors
// and retries) at plan, naming the attribute.
func (r *dliBatchJobResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{
		validators.Int32Attributes(),
	}
}

// batchValidateModel is the part of the configuration ValidateConfig checks.
type batchValidateModel struct {
	File, ClassName, Feature, Image, SparkVersion, ExecutionAgencyURN types.String
}

// ValidateConfig checks the combinations the API documents (§10.1.1 and the SDK).
func (r *dliBatchJobResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	// Only the attributes checked here are read, so that a value the schema rejects elsewhere
	// (e.g. an integer beyond int32) is reported once, by its own attribute.
	var m batchValidateModel
	for name, v := range map[string]*types.String{
		"file": &m.File, "class_name": &m.ClassName, "feature": &m.Feature, "image": &m.Image,
		"spark_version": &m.SparkVersion, "execution_agency_urn": &m.ExecutionAgencyURN,
	} {
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(name), v)...)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	known := func(v types.String) bool { return !v.IsUnknown() }
	if known(m.File) && known(m.ClassName) && m.ClassName.IsNull() && !strings.HasSuffix(strings.ToLower(m.File.ValueString()), ".py") {
		resp.Diagnostics.AddAttributeError(path.Root("class_name"), "Missing class_name",
			fmt.Sprintf("class_name is required: file %q is not a Python file (ending in .py), so the job needs its main class.", m.File.ValueString()))
	}
	if known(m.Feature) && known(m.Image) {
		custom := m.Feature.ValueString() == "custom"
		switch {
		case custom && m.Image.IsNull():
			resp.Diagnostics.AddAttributeError(path.Root("image"), "Missing image", `image is required when feature is "custom".`)
		case !custom && !m.Image.IsNull():
			resp.Diagnostics.AddAttributeError(path.Root("image"), "image needs feature = \"custom\"",
				`image is only used with feature = "custom"; set feature = "custom" or remove image.`)
		}
	}
	if !m.ExecutionAgencyURN.IsNull() && known(m.SparkVersion) {
		if v := m.SparkVersion.ValueString(); m.SparkVersion.IsNull() || batchVersionLess(v, "3.3.1") {
			resp.Diagnostics.AddAttributeError(path.Root("execution_agency_urn"), "execution_agency_urn needs Spark 3.3.1",
				fmt.Sprintf("execution_agency_urn is supported from spark_version 3.3.1 on; spark_version is %q.", v))
		}
	}
}

// batchVersionLess reports whether the dotted version a is lower than b.
func batchVersionLess(a, b string) bool {
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < max(len(as), len(bs)); i++ {
		var x, y int
		if i < len(as) {
			x = versionSegment(as[i])
		}
		if i < len(bs) {
			y = versionSegment(bs[i])
		}
		if x != y {
			return x < y
		}
	}
	return false
}

// versionSegment is the number a version segment starts with ("3" of "3rc1"); a segment
// without one (empty, "rc", out of range) counts as 0.
func versionSegment(s string) int {
	var n int
	if _, err := fmt.Sscan(s, &n); err != nil {
		return 0
	}
	return n
}
