package ptr

import "testing"

func TestDeref(t *testing.T) {
	if got := Deref[int](nil); got != 0 {
		t.Errorf("Deref(nil) = %d, want 0", got)
	}
	if got := Deref[string](nil); got != "" {
		t.Errorf("Deref(nil) = %q, want empty", got)
	}
	n := 42
	if got := Deref(&n); got != 42 {
		t.Errorf("Deref(&42) = %d", got)
	}
}

func TestOf(t *testing.T) {
	a, b := Of(7), Of(7)
	if *a != 7 || a == b {
		t.Errorf("Of(7) twice = %p, %p: want two pointers, each to its own copy of 7", a, b)
	}
	*a = 8
	if *b != 7 {
		t.Errorf("Of must copy: *b = %d after changing *a", *b)
	}
	if Deref(Of("x")) != "x" {
		t.Error("Deref(Of(x)) != x")
	}
}
