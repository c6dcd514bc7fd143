package framework_test

import (
	"testing"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/framework"
)

func TestQueryID(t *testing.T) {
	t.Parallel()
	id := framework.QueryID("instance", "guid", "BOTH", "1")
	if len(id) != 16 {
		t.Fatalf("QueryID is %q, want 16 hex digits", id)
	}
	if again := framework.QueryID("instance", "guid", "BOTH", "1"); again != id {
		t.Errorf("QueryID is not stable: %q then %q", id, again)
	}
	// The parts are separated, so moving a boundary changes the id.
	for _, other := range [][]string{{"instance", "guid", "BOTH", "2"}, {"instanceguid", "", "BOTH", "1"}, {"instance", "guid", "BOTH1"}} {
		if framework.QueryID(other...) == id {
			t.Errorf("QueryID(%q) equals QueryID of different arguments", other)
		}
	}
}
