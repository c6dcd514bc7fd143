package ptr

import "testing"

func TestDeref(t *testing.T) {
	if got := Deref[int](nil); got != 0 {
		t.Errorf("Deref(nil) = %d, want 0", got)
	}
	if got := Deref(Of("x")); got != "x" {
		t.Errorf("Deref(Of(x)) = %q", got)
	}
}
