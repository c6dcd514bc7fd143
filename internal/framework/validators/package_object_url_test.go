package validators_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
)

func TestPackageObjectURL(t *testing.T) {
	t.Parallel()
	const host = "https://demo-bucket.obs.cn-north-4.myhuaweicloud.com/"
	cases := map[string]stringCase{
		"jar":            {value: types.StringValue(host + "jars/etl.jar")},
		"top level":      {value: types.StringValue(host + "job.py")},
		"null":           {value: types.StringNull()},
		"unknown":        {value: types.StringUnknown()},
		"empty":          {value: types.StringValue(""), want: `object_path "" is not an OBS object URL`},
		"obs scheme":     {value: types.StringValue("obs://demo-bucket/jars/etl.jar"), want: "is not an OBS object URL"},
		"http":           {value: types.StringValue("http://demo-bucket.obs.cn-north-4.myhuaweicloud.com/x.jar"), want: "is not an OBS object URL"},
		"not obs host":   {value: types.StringValue("https://example.com/x.jar"), want: "is not an OBS object URL"},
		"no object":      {value: types.StringValue(host), want: "is not an OBS object URL"},
		"folder":         {value: types.StringValue(host + "jars/"), want: "names a folder, not a file"},
		"bad name":       {value: types.StringValue(host + "jars/.hidden"), want: `ends in ".hidden"`},
		"name with plus": {value: types.StringValue(host + "jars/a+b.jar"), want: "not a valid package name"},
	}
	testStringRule(t, validators.PackageObjectURL(), path.Root("object_path"), cases)
}
