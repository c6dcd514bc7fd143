package validators_test

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
)

func TestPackageRef(t *testing.T) {
	t.Parallel()
	cases := map[string]stringCase{
		"uploaded package":   {value: types.StringValue("spark-examples.jar")},
		"package in a group": {value: types.StringValue("groupTest/testJar.jar")},
		"obs object":         {value: types.StringValue("obs://demo-bucket/jars/deps.jar")},
		"null":               {value: types.StringNull()},
		"unknown":            {value: types.StringUnknown()},
		"empty":              {value: types.StringValue(""), want: `jars[0] "" is empty`},
		"blank":              {value: types.StringValue("  "), want: "is empty"},
		"obs bucket only":    {value: types.StringValue("obs://only-bucket"), want: "is not a complete OBS path (obs://bucket/object)"},
		"obs no bucket":      {value: types.StringValue("obs:///x"), want: "is not a complete OBS path"},
		"obs with space":     {value: types.StringValue("obs://b/a b"), want: "is not a complete OBS path"},
		"obs folder":         {value: types.StringValue("obs://demo-bucket/jars/"), want: "is not a complete OBS path"},
		"obs short bucket":   {value: types.StringValue("obs://ab/x.jar"), want: "is not a complete OBS path"},
		"obs upper bucket":   {value: types.StringValue("obs://Demo/x.jar"), want: "is not a complete OBS path"},
		"obs nested object":  {value: types.StringValue("obs://demo-bucket/a/b/c.py")},
		"https url":          {value: types.StringValue("https://demo.obs.cn-north-4.myhuaweicloud.com/x.jar"), want: "is a URL: only OBS paths"},
		"other scheme":       {value: types.StringValue("s3a://bucket/x.jar"), want: "is a URL"},
		"name with bang":     {value: types.StringValue("grp.v1/my_lib-1!.jar")},
		"two slashes":        {value: types.StringValue("group/dir/x.jar"), want: "has an invalid package name"},
		"empty group":        {value: types.StringValue("/x.jar"), want: "has an invalid group name"},
		"empty name":         {value: types.StringValue("group/"), want: "has an invalid package name"},
		"name leading dot":   {value: types.StringValue("group/.hidden"), want: "has an invalid package name"},
		"group with space":   {value: types.StringValue("my group/x.jar"), want: "has an invalid group name"},
		"group too long":     {value: types.StringValue(strings.Repeat("g", 65) + "/x.jar"), want: "has an invalid group name"},
		"name too long":      {value: types.StringValue("g/" + strings.Repeat("n", 129)), want: "has an invalid package name"},
		"name longest":       {value: types.StringValue("g/" + strings.Repeat("n", 128))},
	}
	testStringRule(t, validators.PackageRef(), path.Root("jars").AtListIndex(0), cases)
}
