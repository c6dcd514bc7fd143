package sweep_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
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

// DebugEnv names the environment variable that keeps the sweeper runner's [DEBUG] lines
// (which sweeper runs when): SWEEP_DEBUG=1.
const DebugEnv = "SWEEP_DEBUG"

// TestMain runs the sweepers with -sweep=<region> (and -sweep-run, -sweep-allow-failures),
// else the tests.
func TestMain(m *testing.M) {
	flag.Parse()
	if flag.Lookup("sweep").Value.String() != "" {
		if cfg := acctest.RealClientConfig(); cfg.ProjectID == "" || cfg.AccessKey == "" || cfg.SecretKey == "" {
			fmt.Fprintln(os.Stderr, "sweep: the sweepers clean up the account the HW_* environment names, as make testacc tests it: "+
				"set HW_PROJECT_ID, HW_ACCESS_KEY and HW_SECRET_KEY (HW_*_ENDPOINT to override endpoints)")
			os.Exit(1)
		}
	}
	if os.Getenv(DebugEnv) != "1" {
		log.SetOutput(withoutDebug{os.Stderr})
	}
	resource.TestMain(m)
}

// withoutDebug drops the log lines marked [DEBUG] (log writes one line per call).
type withoutDebug struct{ w io.Writer }

func (d withoutDebug) Write(p []byte) (int, error) {
	if bytes.Contains(p, []byte("[DEBUG]")) {
		return len(p), nil
	}
	return d.w.Write(p)
}

// summaryName is the sweeper that runs after all others (when -sweep-run selects them
// all) and prints what they deleted, or would delete, together.
const summaryName = "summary"

// One sweeper per kind, depending on the kinds acctest.Sweep deletes before it, and the
// summary after them all.
func init() {
	var all []string
	for _, k := range acctest.SweepKinds() {
		resource.AddTestSweepers(k.Name, &resource.Sweeper{Name: k.Name, Dependencies: k.After, F: sweeper(k.Name)})
		all = append(all, k.Name)
	}
	resource.AddTestSweepers(summaryName, &resource.Sweeper{Name: summaryName, Dependencies: all, F: summary})
}

var (
	announce sync.Once
	mu       sync.Mutex
	swept    []acctest.Leftover // what the sweepers deleted, or would delete
)

func summary(region string) error {
	mu.Lock()
	defer mu.Unlock()
	if os.Getenv(DryRunEnv) != "0" {
		log.Printf("[sweep] SUMMARY (dry run) for region %s: %d objects would be deleted; run with %s=0 to delete them", region, len(swept), DryRunEnv)
	} else {
		log.Printf("[sweep] SUMMARY for region %s: %d objects deleted", region, len(swept))
	}
	for _, l := range swept {
		log.Printf("[sweep]   %s", l)
	}
	return nil
}

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
		mu.Lock()
		swept = append(swept, done...)
		mu.Unlock()
		verb := "deleted"
		if dryRun {
			verb = "would delete"
		}
		log.Printf("[sweep] %s: %s %d", kind, verb, len(done))
		return err
	}
}
