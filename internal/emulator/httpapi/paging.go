package httpapi

// Offset/limit paging of the list operations.

// pageParams reads the offset (0 when absent) and then the limit (defLimit when absent, at
// least minLimit) query parameters of a paged list.
func (c *call) pageParams(defLimit, minLimit int) (offset, limit int, err *apiError) {
	if offset, err = c.intParam("offset", 0, 0); err != nil {
		return 0, 0, err
	}
	if limit, err = c.intParam("limit", defLimit, minLimit); err != nil {
		return 0, 0, err
	}
	return offset, limit, nil
}

// pageOf is the page of items from offset, at most limit of them: empty (not null) past the end.
func pageOf[T any](items []T, offset, limit int) []T {
	if offset >= len(items) {
		return []T{}
	}
	return items[offset:min(len(items), offset+limit)]
}
