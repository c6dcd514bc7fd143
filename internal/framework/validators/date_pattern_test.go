package validators

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestDatePattern(t *testing.T) {
	if got := BadPatternLetter("yyyy-MM-dd'T'HH:mm:ss.SSS z"); got != "" {
		t.Errorf("valid format rejected at %q", got)
	}
	if got := BadPatternLetter("yyyy-MM-dd HH:mm:ssXXX"); got != "X" {
		t.Errorf("BadPatternLetter = %q, want X", got)
	}
	if got := validateString(DatePattern(), "date_format", types.StringValue("yyyy/MM/dd")); got != "" {
		t.Errorf("valid date_format: %s", got)
	}
	got := validateString(DatePattern(), "timestamp_format", types.StringValue("yyyy-MM-dd'T'HH:mm:ssXXX"))
	if !strings.Contains(got, "Invalid timestamp_format") || !strings.Contains(got, `pattern letter "X"`) {
		t.Errorf("error = %q", got)
	}
}
