package chaos_test

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

func TestMain(m *testing.M) { acctest.Main(m) }

// chaosFaults is the misbehaving cloud of every round: 20% of requests fail (500, 503, 429
// with Retry-After, and 408 after the request took effect), every request takes 50 ms more,
// and new objects stay invisible to reads for 2 s.
var chaosFaults = emulator.Faults{
	ErrorRates:        map[int]float64{500: 0.05, 503: 0.05, 429: 0.05, 408: 0.05},
	RetryAfterSeconds: 1,
	Latency:           50 * time.Millisecond,
	ConsistencyDelay:  2 * time.Second,
}

// TestChaos runs CHAOS_ROUNDS rounds (default 2) of apply → empty plan → destroy of the
// whole demo, each with its own emulator and fault seed (CHAOS_SEED + round, default seed 1).
// A round converges when the first apply succeeds, the plan after it is empty, destroy
// succeeds and the emulator holds no object afterwards.
func TestChaos(t *testing.T) {
	rounds := envInt(t, "CHAOS_ROUNDS", 2)
	firstSeed := envInt(t, "CHAOS_SEED", 1)
	var converged, orphans, duplicates atomic.Int64
	t.Run("rounds", func(t *testing.T) {
		for r := range rounds {
			seed := int64(firstSeed + r)
			t.Run(fmt.Sprintf("seed_%d", seed), func(t *testing.T) {
				t.Parallel()
				t.Logf("chaos round %d of %d: fault seed %d (replay with CHAOS_SEED=%d CHAOS_ROUNDS=1 make chaos)", r+1, rounds, seed, seed)
				if round(t, seed, &orphans, &duplicates) {
					converged.Add(1)
				}
			})
		}
	})
	summary := fmt.Sprintf("chaos: %d/%d rounds converged, %d orphans, %d duplicates", converged.Load(), rounds, orphans.Load(), duplicates.Load())
	t.Log(summary)
	fmt.Println(summary)
}

// round applies, re-plans and destroys the demo once; it reports whether all of it worked.
func round(t *testing.T, seed int64, orphans, duplicates *atomic.Int64) bool {
	env := acctest.NewEmulatedEnvSeeded(t, seed, "injected faults")
	env.SetFaults(chaosFaults)
	// Retries after 429s and 503s (1 s each) stretch the time from a write to its first
	// read well past the 2 s delay: a window five times the delay leaves room for them.
	env.ConsistencyWindow = 5 * chaosFaults.ConsistencyDelay
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy: func(*terraform.State) error {
			left := env.Emulator.Inventory().Leftovers()
			orphans.Add(int64(len(left)))
			if len(left) > 0 {
				return fmt.Errorf("seed %d: %d objects left in the emulator after destroy: %s", seed, len(left), strings.Join(left, ", "))
			}
			return nil
		},
		Steps: []resource.TestStep{{
			Config:          env.DemoConfig(t),
			ConfigVariables: config.Variables{"emulator_url": config.StringVariable(env.URL())},
			ConfigStateChecks: []statecheck.StateCheck{env.CheckEmulator(func(_ context.Context, emu *emulator.Emulator) error {
				dups := emu.Inventory().Duplicates()
				duplicates.Add(int64(len(dups)))
				if len(dups) > 0 {
					return fmt.Errorf("seed %d: objects created more than once: %s", seed, strings.Join(dups, ", "))
				}
				return nil
			})},
		}},
	})
	return !t.Failed()
}

func envInt(t *testing.T, name string, def int) int {
	t.Helper()
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		t.Fatalf("%s=%q: want a positive number", name, v)
	}
	return n
}
