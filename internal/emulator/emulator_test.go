package emulator_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

// The facade keeps the Go API the acceptance harness uses.
func TestFacade(t *testing.T) {
	emu, err := emulator.New(emulator.Options{Speed: 60, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	var _ http.Handler = emu
	srv := httptest.NewServer(emu)
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/_emulator/health")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("health: %v %v", resp, err)
	}
	resp.Body.Close()
	emu.SetFaults(emulator.Faults{RateLimit: 5})
	emu.ReplaceNextResponse("ListQueues", 200, "{}", 1)
	emu.SetUnpublished("ListQueueProperties")
	if emu.ThrottledCount() != 0 || len(emu.Inventory().Leftovers()) != 0 || len(emulator.Operations()) == 0 {
		t.Fatal("fresh emulator")
	}
}
