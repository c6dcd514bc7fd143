package provider_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

// TestAccListExamples runs every examples/list-resources/<type>/list-resource.tfquery.hcl,
// all in one `terraform query`, against the emulator (which holds the database the table
// example lists), and then the query of the guide "Importing an existing DLI estate": the
// documented examples are valid and work.
func TestAccListExamples(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob(filepath.Join(acctest.ExamplesDir(), "list-resources", "*", "list-resource.tfquery.hcl"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no list resource examples found (err=%v)", err)
	}
	// The examples list objects by their documentation names, and the database the table
	// example lists is made here out of band and never deleted.
	env := acctest.NewEmulatedEnv(t, "documented examples with fixed names")
	query := env.ProviderBlock()
	for _, f := range files {
		rel, _ := filepath.Rel(acctest.ExamplesDir(), f)
		query += acctest.ReadExample(t, rel)
	}
	env.SetFaults(emulator.Faults{ConsistencyDelay: time.Nanosecond}) // the database exists already
	if err := env.Client(t).CreateDatabase(context.Background(), &model.CreateDatabaseRequestBody{DatabaseName: "sales"}); err != nil {
		t.Fatal(err)
	}
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)},
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{
			{Query: true, Config: query},
			{Query: true, Config: env.ProviderBlock() + acctest.ReadExample(t, filepath.Join("guides", "importing", "estate.tfquery.hcl"))},
		},
	})
}
