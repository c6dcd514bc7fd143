package actions_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
)

// exampleSetup prepares the emulator for an example that works on objects Terraform does
// not manage.
var exampleSetup = map[string]func(t *testing.T, env *acctest.Env){
	"huaweidata_dli_queue_scale": func(t *testing.T, env *acctest.Env) {
		ctx, c := context.Background(), env.Client(t)
		if err := c.CreateQueue(ctx, &model.CreateQueueRequestBody{QueueName: "month_end", CuCount: 16}); err != nil {
			t.Fatal(err)
		}
		if err := c.WaitForQueueCUs(ctx, "month_end", 16); err != nil {
			t.Fatal(err)
		}
	},
}

// TestAccActionExamples applies (and destroys) every examples/actions/<type>/action.tf
// against the emulator: the documented examples are valid and their triggers work.
func TestAccActionExamples(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join(acctest.ExamplesDir(), "actions", "*"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no action examples found (err=%v)", err)
	}
	for _, dir := range dirs {
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			// The examples name their objects as the documentation does (and the queue the
			// scale example works on is made here and never deleted): emulator only.
			env := acctest.NewEmulatedEnv(t, "documented examples with fixed names")
			resource.Test(t, resource.TestCase{
				TerraformVersionChecks:   needsActions,
				ProtoV6ProviderFactories: env.ProviderFactories(),
				Steps: []resource.TestStep{{
					PreConfig: func() {
						if setup := exampleSetup[name]; setup != nil {
							setup(t, env.Env)
						}
					},
					Config: env.Config(acctest.ReadExample(t, filepath.Join("actions", name, "action.tf"))),
				}},
			})
		})
	}
}
