package client

import (
	"net/url"
	"testing"
)

func TestOptionalQueryParameters(t *testing.T) {
	t.Parallel()
	q := url.Values{}
	setIfAny(q, "name", "etl")
	setIfAny(q, "owner", "")
	setIfPositive(q, "start", int64(1700000000000))
	setIfPositive(q, "from", 0)
	setIfPositive(q, "size", -1)
	if got, want := q.Encode(), "name=etl&start=1700000000000"; got != want {
		t.Errorf("query %q, want %q", got, want)
	}
}
