// Package validators holds the plan-time checks of DLI's documented rules that more than
// the framework's own validators are needed for: names, catalog names, owners, CU
// multiples, memory sizes, package references and IPv4 addresses. Every error names the
// attribute and the rule.
package validators

import "github.com/hashicorp/terraform-plugin-framework/schema/validator"

// unset reports whether there is nothing to validate yet.
func unset(req validator.StringRequest) bool {
	return req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown()
}
