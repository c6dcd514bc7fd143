package framework

import "testing"

func TestIsIncumbentProvider(t *testing.T) {
	for address, want := range map[string]bool{
		"registry.terraform.io/huaweicloud/huaweicloud": true,
		"registry.opentofu.org/huaweicloud/huaweicloud": true,
		"mirror.example.com/HuaweiCloud/HuaweiCloud":    true,
		"registry.terraform.io/hashicorp/huaweicloud":   false,
		"registry.terraform.io/huaweicloud/huaweidata":  false,
		"huaweicloud/huaweicloud":                       false,
		"":                                              false,
	} {
		if got := IsIncumbentProvider(address); got != want {
			t.Errorf("IsIncumbentProvider(%q) = %v, want %v", address, got, want)
		}
	}
}
