package client

import "testing"

func TestTagsFilter(t *testing.T) {
	t.Parallel()
	if got := TagsFilter(map[string]string{"team": "bi", "env": "test"}); got != "env=test,team=bi" {
		t.Errorf("got %q, want the pairs sorted by key", got)
	}
	if got := TagsFilter(nil); got != "" {
		t.Errorf("got %q for no tags, want \"\"", got)
	}
}
