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
	// key identifies a row: a row already read on an earlier page or reading (one that
	// moved across a page boundary while the list changed) is kept once. Rows whose key
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
// while it was read (other writers), or the service answered inconsistently: it is read
// again from the start. After listReads readings that all fail the check, listAll returns
// every row any reading saw, with an *InconsistentListError: a row can have been missed,
// so callers must not conclude from such a listing that an object does not exist.
func listAll[T any](ctx context.Context, p pager[T]) ([]T, error) {
	var (
		problem string
		union   []T
		seen    = map[string]bool{}
	)
	for range listReads {
		all, bad, err := p.readOnce(ctx)
		if err != nil {
			return nil, err
		}
		if bad == "" {
			return all, nil
		}
		problem = bad
		for _, it := range all {
			k := p.key(it)
			if k != "" && seen[k] {
				continue
			}
			seen[k] = true
			union = append(union, it)
		}
	}
	return union, &InconsistentListError{Operation: p.operation, Method: http.MethodGet, Path: p.path, Readings: listReads, Reason: problem}
}

// InconsistentListError says that a paged list disagreed with its reported total in every
// reading (it kept changing while it was read): the rows returned with it may lack a row.
type InconsistentListError struct {
	Operation, Method, Path string
	Readings                int
	Reason                  string
}

func (e *InconsistentListError) Error() string {
	return fmt.Sprintf("%s (%s %s): the pages of the list disagree with its reported total after %d readings (%s), "+
		"so whether an object is missing from it cannot be told; the list is probably changing while it is read: try again",
		e.Operation, e.Method, e.Path, e.Readings, e.Reason)
}

// readOnce reads the list once, to its end; bad describes the first inconsistency between
// pages and total. A reading that found one still reads on (with the latest total), so
// that its rows can complete another reading's.
func (p pager[T]) readOnce(ctx context.Context) (all []T, bad string, err error) {
	seen := map[string]bool{}
	total, rows := -1, 0
	note := func(problem string) {
		if bad == "" {
			bad = problem
		}
	}
	for number := 1; number <= maxListPages; number++ {
		page, err := p.fetch(ctx, number, rows)
		if err != nil {
			return nil, "", err
		}
		n := len(page.items)
		rows += n
		for _, it := range page.items {
			if k := p.key(it); k != "" {
				if seen[k] {
					continue
				}
				seen[k] = true
			}
			all = append(all, it)
		}
		if page.total >= 0 {
			if number > 1 && page.total != total {
				note(fmt.Sprintf("page %d reports a total of %d, an earlier page %d", number, page.total, total))
			}
			total = page.total
		}
		switch {
		case total < 0 && n < p.pageSize:
			return all, bad, nil
		case total < 0:
			continue
		case rows > total:
			note(fmt.Sprintf("%d rows read, more than the reported total of %d", rows, total))
			return all, bad, nil
		case rows == total:
			return all, bad, nil
		case n < p.pageSize:
			note(fmt.Sprintf("page %d has %d rows (page size %d) but only %d of the reported %d rows were read",
				number, n, p.pageSize, rows, total))
			return all, bad, nil
		}
	}
	note(fmt.Sprintf("more than %d pages", maxListPages))
	return all, bad, nil
}

// totalOf reads an optional total count: -1 when the response has none.
func totalOf[N ~int32 | ~int64 | ~int](p *N) int {
	if p == nil {
		return -1
	}
	return int(*p)
}
