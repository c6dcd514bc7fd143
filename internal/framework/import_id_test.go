package framework

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
)

func TestAccepts(t *testing.T) {
	t.Parallel()
	v := stringvalidator.LengthBetween(1, 3)
	if !Accepts(context.Background(), v, "name", "abc") {
		t.Error("Accepts rejected a valid value")
	}
	if Accepts(context.Background(), v, "name", "abcd") {
		t.Error("Accepts accepted an invalid value")
	}
}
