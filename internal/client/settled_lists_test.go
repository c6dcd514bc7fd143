package client

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"
)

// TestSettledList: a listing is read until it holds every object this process wrote within
// the consistency window (or the window passes, when it is what it is); a listing that
// changed while paged is read once more; a collection not visible yet is waited for.
func TestSettledList(t *testing.T) {
	t.Parallel()
	recent, old := time.Now(), time.Now().Add(-time.Hour)
	inconsistent := &InconsistentListError{Operation: "ListX", Reason: "changed"}
	gone := &NotFoundError{Kind: "database", Name: "db"}
	cases := map[string]struct {
		pending   map[string]time.Time
		answers   [][]string // one listing per call; the last one repeats
		errs      []error    // the error of each call (nil when short)
		want      []string
		wantCalls int
		wantErr   error
	}{
		"nothing written":           {answers: [][]string{{"a"}}, want: []string{"a"}, wantCalls: 1},
		"written and listed":        {pending: map[string]time.Time{"a": recent}, answers: [][]string{{"a"}}, want: []string{"a"}, wantCalls: 1},
		"not listed yet":            {pending: map[string]time.Time{"b": recent}, answers: [][]string{{"a"}, {"a"}, {"a", "b"}}, want: []string{"a", "b"}, wantCalls: 3},
		"written before the window": {pending: map[string]time.Time{"b": old}, answers: [][]string{{"a"}}, want: []string{"a"}, wantCalls: 1},
		"never listed": {pending: map[string]time.Time{"b": recent}, answers: [][]string{{"a"}}, want: []string{"a"},
			wantCalls: -1},
		"changed while paged": {answers: [][]string{{"a"}, {"a", "b"}}, errs: []error{inconsistent}, want: []string{"a", "b"}, wantCalls: 2},
		"collection not visible yet": {pending: map[string]time.Time{"": recent}, answers: [][]string{nil, {"a"}}, errs: []error{gone},
			want: []string{"a"}, wantCalls: 2},
		"collection gone": {answers: [][]string{nil}, errs: []error{gone}, wantCalls: 1, wantErr: gone},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			c := newTestClient(t, "http://127.0.0.1:1")
			calls := 0
			list := func(context.Context) ([]string, error) {
				i := min(calls, len(tc.answers)-1)
				calls++
				var err error
				if calls <= len(tc.errs) {
					err = tc.errs[calls-1]
				}
				return tc.answers[i], err
			}
			got, err := settledList(testCtx(t), c, list, func() {}, tc.pending, func(s string) string { return s })
			if !errors.Is(err, tc.wantErr) {
				t.Fatalf("err = %v, want %v", err, tc.wantErr)
			}
			if tc.wantErr == nil && !slices.Equal(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
			switch {
			case tc.wantCalls > 0 && calls != tc.wantCalls:
				t.Errorf("%d listings, want %d", calls, tc.wantCalls)
			case tc.wantCalls < 0 && calls < 3:
				t.Errorf("%d listings, want it polled until the window passed", calls)
			}
		})
	}
}

func TestRecentWrites(t *testing.T) {
	t.Parallel()
	c := newTestClient(t, "http://127.0.0.1:1")
	c.noteWrite(kindTable, tableKey("db", "Orders"))
	c.noteWrite(kindTable, tableKey("db2", "x"))
	c.noteWrite(kindDatabase, "db")
	got := c.recentWrites(kindTable, "db/")
	if len(got) != 1 || got["orders"].IsZero() {
		t.Errorf("recent tables of db = %v, want orders only", got)
	}
	c.writes.at[objectKey(kindTable, tableKey("db", "orders"))] = time.Now().Add(-c.ConsistencyWindow())
	if got := c.recentWrites(kindTable, "db/"); len(got) != 0 {
		t.Errorf("after the window: %v, want none", got)
	}
}
