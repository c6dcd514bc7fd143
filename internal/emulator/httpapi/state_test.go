package httpapi

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"
)

func TestStateFileRoundTrip(t *testing.T) {
	file := filepath.Join(t.TempDir(), "state.json")
	env := newEnv(t, Options{StateFile: file, Speed: 1})
	env.createQueue("persisted", 64, "general")
	env.must("POST", testPrefix+"/variables", nil, map[string]any{"var_name": "kept", "var_value": "v", "is_sensitive": true}, nil)
	env.emu.Advance(2 * time.Hour)
	if err := env.emu.Save(); err != nil {
		t.Fatal(err)
	}

	env2 := newEnv(t, Options{StateFile: file})
	if env2.emu.Now().Before(env.emu.Now().Add(-time.Minute)) {
		t.Fatalf("clock went back: %v < %v", env2.emu.Now(), env.emu.Now())
	}
	var show model.ShowQueueResponse
	env2.must("GET", testPrefix+"/queues/persisted", nil, nil, &show)
	if *show.QueueType != "general" || *show.CuCount != 64 || *show.CuSpec != 64 {
		t.Fatalf("queue after restart %v", show)
	}
	vars := listVars(t, env2, nil)
	if *vars.Count != 1 || *(*vars.GlobalVars)[0].VarName != "kept" || !*(*vars.GlobalVars)[0].IsSensitive {
		t.Fatalf("variables after restart %v", vars)
	}
	if env2.emu.data.Projects[DemoProjectID].Variables["kept"].Value != "v" {
		t.Fatal("sensitive value lost")
	}
	// Mutations are saved by the background writer, and at the latest on Close; the next
	// id continues.
	env2.must("POST", testPrefix+"/variables", nil, map[string]any{"var_name": "second", "var_value": "v"}, nil)
	if err := env2.emu.Close(); err != nil {
		t.Fatal(err)
	}
	env3 := newEnv(t, Options{StateFile: file})
	vars = listVars(t, env3, nil)
	if *vars.Count != 2 || *(*vars.GlobalVars)[1].Id <= *(*vars.GlobalVars)[0].Id {
		t.Fatalf("auto-saved variables %v", vars)
	}
}
