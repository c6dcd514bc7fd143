package datasources_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

// 120 authentications made outside Terraform (two pages of 100): the unfiltered data source
// lists them all in two calls per read, sorted by name, and the filters keep one type or one
// name. Nothing in the schema can hold a secret. On a shared account the lists by type and
// unfiltered hold other tests' authentications too: their sizes and order are checked
// against the emulator only, and everywhere that they hold the test's. The test deletes
// what it made when it ends.
func TestAccDLIDatasourceAuths_listAndFilters(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	c := env.Client(t)
	name := func(i int) string { return env.Name(fmt.Sprintf("auth_%03d", i)) }
	for i := range 120 {
		body := &model.CreateAuthInfoRequestBody{AuthInfoName: name(i), DatasourceType: "passwd",
			UserName: ptrTo("user"), Password: ptrTo("pw")}
		if i%40 == 0 {
			body = &model.CreateAuthInfoRequestBody{AuthInfoName: name(i), DatasourceType: "KRB",
				UserName: ptrTo("hive"), Krb5Conf: ptrTo("obs://krb/krb5.conf"), Keytab: ptrTo("obs://krb/hive.keytab")}
		}
		if err := c.CreateAuthInfo(context.Background(), body); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			if err := c.DeleteAuthInfo(context.Background(), name(i)); err != nil && !client.IsNotFound(err) {
				t.Errorf("deleting authentication %s: %v", name(i), err)
			}
		})
	}
	// New objects become visible after the emulator's consistency delay; the last one
	// created is the last to appear.
	if err := c.AwaitVisible(context.Background(), time.Now(), func(ctx context.Context) error {
		_, err := c.LookupAuthInfo(ctx, name(119))
		return err
	}); err != nil {
		t.Fatal(err)
	}
	// The setup's own lookups are not the data sources' reads.
	var setupReads int
	env.WithEmulator(func(emu *emulator.Emulator) { setupReads = emu.RequestCounts()["ListJobAuthInfos"] })
	const all, krb, one = "data.huaweidata_dli_datasource_auths.all", "data.huaweidata_dli_datasource_auths.krb", "data.huaweidata_dli_datasource_auths.one"
	krbAuth := func(i int) knownvalue.Check {
		return containsObject(map[string]knownvalue.Check{"name": knownvalue.StringExact(name(i)), "type": knownvalue.StringExact("KRB")})
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: env.Config(fmt.Sprintf(`
data "huaweidata_dli_datasource_auths" "all" {}

data "huaweidata_dli_datasource_auths" "krb" {
  type = "KRB"
}

data "huaweidata_dli_datasource_auths" "one" {
  name = %q
}
`, name(7))),
			ConfigStateChecks: []statecheck.StateCheck{
				expectAttr(all, "auths", includes(name(0), name(1), name(119))),
				expectAttr(all, "auths", containsObject(map[string]knownvalue.Check{
					"name": knownvalue.StringExact(name(0)), "type": knownvalue.StringExact("KRB"),
					"keytab": knownvalue.StringExact("obs://krb/hive.keytab"), "created_at": knownvalue.NotNull(),
				})),
				env.EmulatorOnlyCheck(expectAttr(all, "auths", knownvalue.ListSizeExact(120))),
				env.EmulatorOnlyCheck(expectAttr(all, "auths.0.name", knownvalue.StringExact(name(0)))),
				env.EmulatorOnlyCheck(expectAttr(all, "auths.0.type", knownvalue.StringExact("KRB"))),
				env.EmulatorOnlyCheck(expectAttr(all, "auths.0.keytab", knownvalue.StringExact("obs://krb/hive.keytab"))),
				env.EmulatorOnlyCheck(expectAttr(all, "auths.0.created_at", knownvalue.NotNull())),
				expectAttr(krb, "auths", krbAuth(0)),
				expectAttr(krb, "auths", krbAuth(40)),
				expectAttr(krb, "auths", krbAuth(80)),
				env.EmulatorOnlyCheck(expectAttr(krb, "auths", knownvalue.ListSizeExact(3))),
				env.EmulatorOnlyCheck(expectAttr(krb, "auths.2.name", knownvalue.StringExact(name(80)))),
				expectAttr(one, "auths", knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectExact(map[string]knownvalue.Check{
					"name": knownvalue.StringExact(name(7)), "type": knownvalue.StringExact("passwd"),
					"username": knownvalue.StringExact("user"), "owner": knownvalue.NotNull(),
					"certificate_location": knownvalue.Null(), "krb5_conf": knownvalue.Null(), "keytab": knownvalue.Null(),
					"truststore_location": knownvalue.Null(), "keystore_location": knownvalue.Null(),
					"created_at": knownvalue.NotNull(), "updated_at": knownvalue.NotNull(),
				})})),
				// The three data sources of one run share one listing of two pages.
				env.CheckEmulator(func(_ context.Context, emu *emulator.Emulator) error {
					if got := emu.RequestCounts()["ListJobAuthInfos"] - setupReads; got == 0 || got%2 != 0 {
						return fmt.Errorf("ListJobAuthInfos: %d calls by the data sources, want a multiple of 2 (one read = 2 pages)", got)
					}
					return nil
				}),
			},
		}},
	})
}

func TestAccDLIDatasourceAuths_planErrors(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.ExpectPlanErrors(t, map[string]acctest.PlanError{
		"bad type":   {Config: `data "huaweidata_dli_datasource_auths" "x" { type = "kafka" }`, Want: `(?s)type value must be one of`},
		"empty name": {Config: `data "huaweidata_dli_datasource_auths" "x" { name = "" }`, Want: `(?s)name string length must be at least 1`},
	})
}

func ptrTo[T any](v T) *T { return &v }
