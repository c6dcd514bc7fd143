// Package ptr has the two pointer helpers every layer needs: the value behind a pointer (or
// the zero value for nil), and a pointer to a value.
package ptr

// Deref returns *p, or the zero value of T when p is nil.
func Deref[T any](p *T) T {
	if p == nil {
		var zero T
		return zero
	}
	return *p
}

// Of returns a pointer to v.
func Of[T any](v T) *T { return &v }
