package sweep_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
)

// DryRunEnv names the environment variable that makes the sweepers delete: they only list
// what they would delete unless it is "0".
const DryRunEnv = "SWEEP_DRY_RUN"

// sweepTimeout bounds one sweeper: deleting queues and pools waits for DLI.
const sweepTimeout = 30 * time.Minute

// TestMain runs the sweepers with -sweep=<region> (and -sweep-run, -sweep-allow-failures),
// else the tests.
func TestMain(m *testing.M) { resource.TestMain(m) }

// One sweeper per kind, depending on the kinds acctest.Sweep deletes before it.
func init() {
	for _, k := range acctest.SweepKinds() {
		resource.AddTestSweepers(k.Name, &resource.Sweeper{Name: k.Name, Dependencies: k.After, F: sweeper(k.Name)})
	}
}

var announce sync.Once

// sweeper deletes (or, in a dry run, lists) the objects of one kind named with
// acctest.NamePrefix in region, in the account the HW_* environment names.
func sweeper(kind string) resource.SweeperFunc {
	return func(region string) error {
		dryRun := os.Getenv(DryRunEnv) != "0"
		cfg := acctest.RealClientConfig()
		cfg.Region = region
		announce.Do(func() {
			mode := "DRY RUN: listing only; " + DryRunEnv + "=0 deletes"
			if !dryRun {
				mode = "DELETING"
			}
			log.Printf("[sweep] %s objects named %s* in region %s, project %s", mode, acctest.NamePrefix, region, cfg.ProjectID)
		})
		c, err := client.New(cfg)
		if err != nil {
			return fmt.Errorf("building the client for region %s: %w", region, err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), sweepTimeout)
		defer cancel()
		logf := func(format string, args ...any) { log.Printf("[sweep] "+format, args...) }
		done, err := acctest.Sweep(ctx, c, acctest.NamePrefix, dryRun, logf, kind)
		verb := "deleted"
		if dryRun {
			verb = "would delete"
		}
		log.Printf("[sweep] %s: %s %d", kind, verb, len(done))
		return err
	}
}
