package validators_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework/validators"
)

func TestIPv4Address(t *testing.T) {
	t.Parallel()
	cases := map[string]stringCase{
		"private":       {value: types.StringValue("192.168.0.10")},
		"zeros":         {value: types.StringValue("0.0.0.0")},
		"null":          {value: types.StringNull()},
		"unknown":       {value: types.StringUnknown()},
		"ipv6":          {value: types.StringValue("fe80::1"), want: `hosts[1].ip must be an IPv4 address such as 192.168.0.10, got "fe80::1".`},
		"ipv4 in ipv6":  {value: types.StringValue("::ffff:10.0.0.1"), want: "must be an IPv4 address"},
		"out of range":  {value: types.StringValue("10.0.0.256"), want: `got "10.0.0.256"`},
		"leading zero":  {value: types.StringValue("10.0.0.01"), want: "must be an IPv4 address"},
		"host name":     {value: types.StringValue("db.local"), want: "must be an IPv4 address"},
		"three octets":  {value: types.StringValue("10.0.1"), want: "must be an IPv4 address"},
		"with a prefix": {value: types.StringValue("10.0.0.0/24"), want: "must be an IPv4 address"},
		"empty":         {value: types.StringValue(""), want: "must be an IPv4 address"},
	}
	testStringRule(t, validators.IPv4Address(), path.Root("hosts").AtListIndex(1).AtName("ip"), cases)
}
