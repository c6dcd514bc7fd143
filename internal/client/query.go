package client

import (
	"net/url"
	"strconv"
)

// The optional query parameters of the list calls: a parameter is sent only when set.

// setIfAny sets the query parameter k to v, unless v is empty.
func setIfAny(q url.Values, k, v string) {
	if v != "" {
		q.Set(k, v)
	}
}

// setIfPositive sets the query parameter k to n, unless n is 0 or less.
func setIfPositive[N int | int64](q url.Values, k string, n N) {
	if n > 0 {
		q.Set(k, strconv.FormatInt(int64(n), 10))
	}
}
