package validators

import (
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// NotBlank rejects a value of spaces only: an id or filter that is blank would silently mean
// "unset". It accepts "", which stringvalidator.LengthAtLeast(1) rejects with its own error.
func NotBlank() validator.String {
	return stringvalidator.RegexMatches(notBlank, "must not be blank")
}

var notBlank = regexp.MustCompile(`^$|\S`)
