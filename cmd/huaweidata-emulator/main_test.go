package main

import (
	"net"
	"strings"
	"testing"
)

func TestLoopbackWarning(t *testing.T) {
	for _, tc := range []struct {
		ip   string
		loop bool
	}{{"127.0.0.1", true}, {"::1", true}, {"0.0.0.0", false}, {"192.168.1.5", false}} {
		if got := isLoopback(&net.TCPAddr{IP: net.ParseIP(tc.ip), Port: 8080}); got != tc.loop {
			t.Errorf("isLoopback(%s) = %v", tc.ip, got)
		}
	}
	if w := nonLoopbackWarning("0.0.0.0:8080"); !strings.Contains(w, "WARNING") || !strings.Contains(w, "0.0.0.0:8080") {
		t.Fatalf("warning %q", w)
	}
}

func TestSplitList(t *testing.T) {
	if got := splitList(" A, ,B "); len(got) != 2 || got[0] != "A" || got[1] != "B" {
		t.Fatalf("splitList = %q", got)
	}
}
