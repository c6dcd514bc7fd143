package client

import (
	"context"
	"fmt"
	"net/http"
)

// listPage is what listAll needs from one page of a paged list.
type listPage[T any] struct {
	items []T
	total int // the list's reported total row count; -1 when the API reports none
}

// pager describes one paged list operation.
type pager[T any] struct {
	operation string // the SDK's name, for errors
	path      string // the list's path, for errors
	pageSize  int
	// fetch reads one page: number counts from 1, offset is the number of rows before it
	// (APIs page by one or the other).
	fetch func(ctx context.Context, number, offset int) (listPage[T], error)
	// key, when set, identifies a row: a row already read on an earlier page (one that
	// moved across a page boundary while the list was read) is kept once. Rows whose key
	// is "" have no identity and are all kept.
	key func(T) string
}

// listReads is how often a list whose pages disagree with its reported total is read in
// all before that is an error.
const listReads = 3

// maxListPages bounds one reading of a list, against a server that never ends it.
const maxListPages = 100000

// listAll reads every page of a list. A list that reports a total is checked against it:
// every page must report the same total, a page shorter than the page size may only come
// last, and the rows read must add up to the total. A list that fails the check changed
// while it was read, or the service answered inconsistently: it is read again from the
// start, and after listReads readings that is an error.
func listAll[T any](ctx context.Context, p pager[T]) ([]T, error) {
	var problem string
	for range listReads {
		all, bad, err := p.readOnce(ctx)
		if err != nil {
			return nil, err
		}
		if bad == "" {
			return all, nil
		}
		problem = bad
	}
	return nil, &MalformedResponseError{
		Operation: p.operation, Method: http.MethodGet, Path: p.path,
		Reason: fmt.Sprintf("the pages of the list disagree with its reported total after %d readings: %s", listReads, problem),
	}
}

// readOnce reads the list once; bad describes an inconsistency between pages and total.
func (p pager[T]) readOnce(ctx context.Context) (all []T, bad string, err error) {
	seen := map[string]bool{}
	total, rows := -1, 0
	for number := 1; number <= maxListPages; number++ {
		page, err := p.fetch(ctx, number, rows)
		if err != nil {
			return nil, "", err
		}
		n := len(page.items)
		rows += n
		for _, it := range page.items {
			if p.key != nil {
				if k := p.key(it); k != "" {
					if seen[k] {
						continue
					}
					seen[k] = true
				}
			}
			all = append(all, it)
		}
		if page.total >= 0 {
			if number > 1 && page.total != total {
				return nil, fmt.Sprintf("page %d reports a total of %d, an earlier page %d", number, page.total, total), nil
			}
			total = page.total
		}
		switch {
		case total < 0 && n < p.pageSize:
			return all, "", nil
		case total < 0:
			continue
		case rows > total:
			return nil, fmt.Sprintf("%d rows read, more than the reported total of %d", rows, total), nil
		case rows == total:
			return all, "", nil
		case n < p.pageSize:
			return nil, fmt.Sprintf("page %d has %d rows (page size %d) but only %d of the reported %d rows were read",
				number, n, p.pageSize, rows, total), nil
		}
	}
	return nil, fmt.Sprintf("more than %d pages", maxListPages), nil
}

// totalOf reads an optional total count: -1 when the response has none.
func totalOf[N ~int32 | ~int64 | ~int](p *N) int {
	if p == nil {
		return -1
	}
	return int(*p)
}
