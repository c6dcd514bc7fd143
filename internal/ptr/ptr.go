// Package ptr converts between values and pointers, as the SDK models use pointers for every
// optional field.
package ptr

// Deref returns the value p points to, or the zero value of T when p is nil.
func Deref[T any](p *T) T {
	if p == nil {
		var zero T
		return zero
	}
	return *p
}

// Of returns a pointer to a copy of v.
func Of[T any](v T) *T { return &v }
