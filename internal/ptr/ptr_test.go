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
	v := 7
	p := Of(v)
	v = 8
	if *p != 7 {
		t.Errorf("Of must copy: *p = %d after changing the original", *p)
	}
	if Deref(Of("x")) != "x" {
		t.Error("Deref(Of(x)) != x")
	}
}
