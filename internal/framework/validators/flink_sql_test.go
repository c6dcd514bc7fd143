package validators_test

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
)

func TestFlinkSQL(t *testing.T) {
	t.Parallel()
	for sql, valid := range map[string]bool{
		"INSERT INTO sink SELECT * FROM source":                 true,
		"insert\n  into sink\nselect a from b":                  true,
		"CREATE TABLE s (a INT); INSERT INTO t SELECT a FROM s": true,
		"SELECT * FROM source":                                  false,
		"INSERT INTO sink VALUES (1)":                           false,
		"INSERTINTO sink SELECT 1":                              false,
	} {
		resp := &validator.StringResponse{}
		validators.FlinkSQL().ValidateString(context.Background(),
			validator.StringRequest{Path: path.Root("sql"), ConfigValue: types.StringValue(sql)}, resp)
		if got := !resp.Diagnostics.HasError(); got != valid {
			t.Errorf("FlinkSQL(%q) valid = %v, want %v (%v)", sql, got, valid, resp.Diagnostics)
		}
	}
	for _, v := range []types.String{types.StringNull(), types.StringUnknown()} {
		resp := &validator.StringResponse{}
		validators.FlinkSQL().ValidateString(context.Background(), validator.StringRequest{Path: path.Root("sql"), ConfigValue: v}, resp)
		if resp.Diagnostics.HasError() {
			t.Errorf("FlinkSQL(%v) failed: %v", v, resp.Diagnostics)
		}
	}
}
