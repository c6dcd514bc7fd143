package client

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

// fakePages serves rows in pages of size, reporting total (none when it is -1); reads
// counts the readings (requests for page 1).
func fakePages(rows []int, size, total int, reads *int) pager[int] {
	return pager[int]{
		operation: "ListThings", pageSize: size, key: intKey,
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

func intKey(i int) string { return strconv.Itoa(i) }

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

// A list whose pages never add up to its total is read listReads times, then returned as
// every row seen with an InconsistentListError (never a clean partial list, never
// not-found).
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
			var ie *InconsistentListError
			if !errors.As(err, &ie) || IsNotFound(err) {
				t.Fatalf("got %d rows, err %v; want an InconsistentListError", len(got), err)
			}
			if reads != listReads || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "ListThings") {
				t.Errorf("%d readings (want %d); err = %v", reads, listReads, err)
			}
		})
	}
}

// A list that keeps changing while it is read (a row moves across a page boundary in every
// reading) yields the union of its readings: no row that existed throughout is lost, and
// a lookup that misses in it is not a not-found.
func TestListAllUnionOfChangingReadings(t *testing.T) {
	reads := 0
	p := pager[int]{
		operation: "ListThings", pageSize: 100, key: intKey,
		fetch: func(_ context.Context, number, offset int) (listPage[int], error) {
			if number == 1 {
				reads++
			}
			// Reading r lists 0..199 plus r new rows at the front: page 2 of every reading
			// is shifted by one, so row 99+r is seen on neither page of that reading.
			rows := append(seq(reads), seq(200)...)
			for i := range reads {
				rows[i] = 1000 + i
			}
			total := 200 + reads
			if number == 2 {
				total++ // one more row arrived between the pages
				rows = append([]int{2000 + reads}, rows...)
			}
			return listPage[int]{items: rows[offset:min(offset+100, len(rows))], total: total}, nil
		},
	}
	got, err := listAll(context.Background(), p)
	var ie *InconsistentListError
	if !errors.As(err, &ie) {
		t.Fatalf("err = %v, want an InconsistentListError", err)
	}
	seen := map[int]bool{}
	for _, v := range got {
		seen[v] = true
	}
	for i := range 200 {
		if !seen[i] {
			t.Errorf("row %d, present in every reading, is missing from the union", i)
		}
	}
	if _, err := pick(got, err, func(v int) bool { return v == 5000 }, &NotFoundError{Kind: "thing"}); IsNotFound(err) {
		t.Errorf("a miss in an inconsistent listing is not-found: %v", err)
	}
	if x, err := pick(got, err, func(v int) bool { return v == 150 }, &NotFoundError{Kind: "thing"}); err != nil || *x != 150 {
		t.Errorf("a row in an inconsistent listing is not found: %v", err)
	}
}

// A list that changed while it was read (total differs between pages) is read again, and
// the consistent second reading is the answer.
func TestListAllRereadsAChangingList(t *testing.T) {
	reads := 0
	p := pager[int]{
		operation: "ListThings", pageSize: 100, key: intKey,
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
// an error naming the operation, after re-reading, and a database missing from it is not
// reported as not found.
func TestListDatabasesTotalMismatch(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		writeJSON(w, 200, map[string]any{"is_success": true, "database_count": 3,
			"databases": []map[string]any{{"database_name": "a"}}})
	})
	c := newTestClient(t, ts.URL)
	_, err := c.ListDatabases(testCtx(t))
	if err == nil || IsNotFound(err) || !strings.Contains(err.Error(), "ListDatabases") || !strings.Contains(err.Error(), "disagree with its reported total") {
		t.Fatalf("err = %v", err)
	}
	if got := ts.count(); got != listReads {
		t.Errorf("requests = %d, want %d (one page per reading)", got, listReads)
	}
	if _, err := c.GetDatabase(testCtx(t), "b"); err == nil || IsNotFound(err) {
		t.Fatalf("GetDatabase of a database missing from an inconsistent listing: err = %v, want an error that is not not-found", err)
	}
}
