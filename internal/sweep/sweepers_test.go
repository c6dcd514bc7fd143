package sweep_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

// TestSweepers_dryRunByDefault runs the global_variable sweeper against an emulator named by
// the HW_* environment: without SWEEP_DRY_RUN=0 it deletes nothing; with it, the prefixed
// variable goes and the other one stays.
func TestSweepers_dryRunByDefault(t *testing.T) {
	env := acctest.NewEmulatedEnv(t, "points the sweepers' environment at the test's emulator")
	env.SetFaults(emulator.Faults{ConsistencyDelay: time.Nanosecond})
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	c := env.Client(t)
	for _, name := range []string{env.Name("var"), "other_var"} {
		if err := c.CreateGlobalVariable(ctx, &model.CreateGlobalVariableRequestBody{VarName: name, VarValue: "x"}); err != nil {
			t.Fatal(err)
		}
	}
	for k, v := range map[string]string{
		"HW_PROJECT_ID": emulator.DemoProjectID, "HW_ACCESS_KEY": emulator.DemoAccessKey, "HW_SECRET_KEY": emulator.DemoSecretKey,
		"HW_SECURITY_TOKEN": "", "HW_DLI_ENDPOINT": env.URL(), "HW_DATAARTS_ENDPOINT": env.URL(), "HW_IAM_ENDPOINT": env.URL(),
		DryRunEnv: "",
	} {
		t.Setenv(k, v)
	}
	sweep := sweeper(acctest.KindGlobalVariable)
	for _, step := range []struct {
		dryRun string
		want   []string
	}{
		{"", []string{"global_variable other_var", "global_variable " + env.Name("var")}},
		{"0", []string{"global_variable other_var"}},
	} {
		t.Setenv(DryRunEnv, step.dryRun)
		if err := sweep(emulator.DemoRegion); err != nil {
			t.Fatalf("%s=%q: %v", DryRunEnv, step.dryRun, err)
		}
		if got := env.Emulator.Inventory().Leftovers(); !slices.Equal(got, step.want) {
			t.Errorf("%s=%q: the emulator holds %q, want %q", DryRunEnv, step.dryRun, got, step.want)
		}
	}
}
