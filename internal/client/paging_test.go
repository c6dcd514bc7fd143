package client

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
)

// fakePages serves rows in pages of size, reporting total (none when it is -1); reads
// counts the readings (requests for page 1).
func fakePages(rows []int, size, total int, reads *int) pager[int] {
	return pager[int]{
		operation: "ListThings", pageSize: size,
		fetch: func(_ context.Context, number, offset int) (listPage[int], error) {
			if number == 1 {
				*reads++
			}
			end := min(offset+size, len(rows))
			if offset > len(rows) {
				offset = len(rows)
			}
			return listPage[int]{items: rows[offset:end], total: total}, nil
		},
	}
}

func seq(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

func TestListAllPagesByTotalAndShortPage(t *testing.T) {
	for _, tc := range []struct {
		name            string
		rows, total     int
		wantReads, want int
	}{
		{"total, exact pages", 200, 200, 1, 200},
		{"total, last page short", 250, 250, 1, 250},
		{"no total, short page ends", 250, -1, 1, 250},
		{"empty with total", 0, 0, 1, 0},
		{"empty without total", 0, -1, 1, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			reads := 0
			got, err := listAll(context.Background(), fakePages(seq(tc.rows), 100, tc.total, &reads))
			if err != nil || len(got) != tc.want || reads != tc.wantReads {
				t.Fatalf("got %d rows, %d readings, err %v; want %d rows in %d readings", len(got), reads, err, tc.want, tc.wantReads)
			}
			for i, v := range got {
				if v != i {
					t.Fatalf("row %d = %d: out of order", i, v)
				}
			}
		})
	}
}

// A list whose pages never add up to its total is read listReads times, then reported as
// malformed (never an empty or partial list, never not-found).
func TestListAllInconsistentTotalIsAnError(t *testing.T) {
	for _, tc := range []struct {
		name        string
		rows, total int
		want        string
	}{
		{"fewer rows than total", 180, 250, "only 180 of the reported 250"},
		{"more rows than total", 300, 250, "more than the reported total of 250"},
		{"short page before the total", 50, 250, "page 1 has 50 rows"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			reads := 0
			got, err := listAll(context.Background(), fakePages(seq(tc.rows), 100, tc.total, &reads))
			var me *MalformedResponseError
			if !errors.As(err, &me) || got != nil || IsNotFound(err) {
				t.Fatalf("got %d rows, err %v; want a MalformedResponseError", len(got), err)
			}
			if reads != listReads || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "ListThings") {
				t.Errorf("%d readings (want %d); err = %v", reads, listReads, err)
			}
		})
	}
}

// A list that changed while it was read (total differs between pages) is read again, and
// the consistent second reading is the answer.
func TestListAllRereadsAChangingList(t *testing.T) {
	reads := 0
	p := pager[int]{
		operation: "ListThings", pageSize: 100,
		fetch: func(_ context.Context, number, offset int) (listPage[int], error) {
			if number == 1 {
				reads++
			}
			total := 150
			if reads == 1 && number == 2 {
				total = 151 // a row was added between the two pages
			}
			rows := seq(total)
			return listPage[int]{items: rows[offset:min(offset+100, len(rows))], total: total}, nil
		},
	}
	got, err := listAll(context.Background(), p)
	if err != nil || len(got) != 150 || reads != 2 {
		t.Fatalf("got %d rows in %d readings, err %v; want 150 rows in 2 readings", len(got), reads, err)
	}
}

// Through the client: a database listing whose database_count disagrees with its rows is
// an error naming the operation, after re-reading.
func TestListDatabasesTotalMismatch(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		writeJSON(w, 200, map[string]any{"is_success": true, "database_count": 3,
			"databases": []map[string]any{{"database_name": "a"}}})
	})
	c := newTestClient(t, ts.URL)
	_, err := c.ListDatabases(testCtx(t))
	if err == nil || IsNotFound(err) || !strings.Contains(err.Error(), "ListDatabases") || !strings.Contains(err.Error(), "malformed response") {
		t.Fatalf("err = %v", err)
	}
	if got := ts.count(); got != listReads {
		t.Errorf("requests = %d, want %d (one page per reading)", got, listReads)
	}
}
