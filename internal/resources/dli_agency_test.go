package resources_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

const agencyAddr = "huaweidata_dli_agency.test"

func agencyConfig(roles string) string {
	return fmt.Sprintf("\nresource \"huaweidata_dli_agency\" \"test\" {\n  roles = [%s]\n}\n", roles)
}

// agencyRoles checks the roles the emulator's agency holds.
func agencyRoles(env *acctest.EmulatedEnv, want ...string) statecheck.StateCheck {
	return env.CheckEmulator(func(_ context.Context, emu *emulator.Emulator) error {
		got := emu.Inventory().Projects[emulator.DemoProjectID].AgencyRoles
		if !slices.Equal(got, want) {
			return fmt.Errorf("the agency holds roles %v, want %v", got, want)
		}
		return nil
	})
}

// The agency: create (taking over roles granted outside Terraform), import, in-place
// update, drift, roles removed outside Terraform planned for creation, and destroy
// leaving the agency without roles.
//
// Emulator only: the agency is the project's one DLI agency, not an object of the test's
// own (no name to isolate it by). The test sets and strips its roles, so on a shared
// account it would break the jobs of the tests running beside it, and those of the
// account's users, until restored.
func TestAccDLIAgency_lifecycle(t *testing.T) {
	t.Parallel()
	env := acctest.NewEmulatedEnv(t, "changes the project's one DLI agency, shared by every test and user of the account")
	c := env.Client(t)
	if err := c.SetDliAgencyRoles(context.Background(), []string{"smn_adm"}); err != nil {
		t.Fatal(err)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy: func(*terraform.State) error {
			if roles := env.Emulator.Inventory().Projects[emulator.DemoProjectID].AgencyRoles; len(roles) != 0 {
				return fmt.Errorf("destroy left the agency with roles %v", roles)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: env.Config(agencyConfig(`"obs_adm", "vpc_netadm"`)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(agencyAddr, tfjsonpath.New("id"), knownvalue.StringExact("dli_admin_agency")),
					statecheck.ExpectKnownValue(agencyAddr, tfjsonpath.New("roles"), knownvalue.SetExact([]knownvalue.Check{
						knownvalue.StringExact("obs_adm"), knownvalue.StringExact("vpc_netadm")})),
					statecheck.ExpectKnownValue(agencyAddr, tfjsonpath.New("version"), knownvalue.NotNull()),
					agencyRoles(env, "obs_adm", "vpc_netadm"),
				},
			},
			{ResourceName: agencyAddr, ImportState: true, ImportStateId: "dli_admin_agency", ImportStateVerify: true},
			{
				Config:            env.Config(agencyConfig(`"obs_adm", "dis_adm"`)),
				ConfigPlanChecks:  acctest.ExpectAction(agencyAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{agencyRoles(env, "dis_adm", "obs_adm")},
			},
			{
				PreConfig: func() {
					if err := c.SetDliAgencyRoles(context.Background(), []string{"obs_adm"}); err != nil {
						t.Fatal(err)
					}
				},
				Config:            env.Config(agencyConfig(`"obs_adm", "dis_adm"`)),
				ConfigPlanChecks:  acctest.ExpectAction(agencyAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{agencyRoles(env, "dis_adm", "obs_adm")},
			},
			{
				Config: env.Config(agencyConfig(`"obs_adm", "dis_adm"`)),
				Check: func(*terraform.State) error {
					return c.SetDliAgencyRoles(context.Background(), nil)
				},
				ExpectNonEmptyPlan: true,
			},
			{
				Config:            env.Config(agencyConfig(`"obs_adm", "dis_adm"`)),
				ConfigPlanChecks:  acctest.ExpectAction(agencyAddr, plancheck.ResourceActionCreate),
				ConfigStateChecks: []statecheck.StateCheck{agencyRoles(env, "dis_adm", "obs_adm")},
			},
		},
	})
}

const obsAuthAddr = "huaweidata_dli_obs_authorization.test"

func obsAuthConfig(buckets string) string {
	return fmt.Sprintf("\nresource \"huaweidata_dli_obs_authorization\" \"test\" {\n  obs_buckets = [%s]\n}\n", buckets)
}

// authorisedBuckets checks the buckets the emulator has authorised.
func authorisedBuckets(env *acctest.EmulatedEnv, want ...string) statecheck.StateCheck {
	return env.CheckEmulator(func(_ context.Context, emu *emulator.Emulator) error {
		got := emu.Inventory().Projects[emulator.DemoProjectID].OBSBuckets
		if !slices.Equal(got, want) {
			return fmt.Errorf("the authorised buckets are %v, want %v", got, want)
		}
		return nil
	})
}

// OBS authorisation: create, import from the bucket list, adding a bucket in place (only
// the new one is sent), removing one (it stays authorised: DLI cannot revoke), destroy.
//
// Emulator only: the buckets are the emulator's (OBS bucket names are global: a real
// account would need its own buckets), and an authorisation cannot be revoked, so the
// test would change the account for good.
func TestAccDLIOBSAuthorization_lifecycle(t *testing.T) {
	t.Parallel()
	env := acctest.NewEmulatedEnv(t, "authorises OBS buckets only the emulator has, and DLI cannot revoke an authorisation")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: env.Config(obsAuthConfig(`"flink-logs", "flink-checkpoints"`)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(obsAuthAddr, tfjsonpath.New("id"), knownvalue.StringExact("flink-checkpoints,flink-logs")),
					authorisedBuckets(env, "flink-checkpoints", "flink-logs"),
					env.ExpectRequests("RegisterBucket", 1, 1),
				},
			},
			{ResourceName: obsAuthAddr, ImportState: true, ImportStateVerify: true},
			{
				Config:           env.Config(obsAuthConfig(`"flink-logs", "flink-checkpoints", "flink-savepoints"`)),
				ConfigPlanChecks: acctest.ExpectAction(obsAuthAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					authorisedBuckets(env, "flink-checkpoints", "flink-logs", "flink-savepoints"),
					env.ExpectRequests("RegisterBucket", 2, 2),
				},
			},
			{
				Config:           env.Config(obsAuthConfig(`"flink-logs"`)),
				ConfigPlanChecks: acctest.ExpectAction(obsAuthAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(obsAuthAddr, tfjsonpath.New("obs_buckets"), knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("flink-logs")})),
					authorisedBuckets(env, "flink-checkpoints", "flink-logs", "flink-savepoints"),
					env.ExpectRequests("RegisterBucket", 2, 2),
				},
			},
		},
	})
}

func TestAccDLIAgencyAndOBSAuthorization_planTimeValidation(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.ExpectPlanErrors(t, map[string]acctest.PlanError{
		"unknown role": {Config: agencyConfig(`"obs_adm", "root"`), Want: `(?s)roles.*value must be one of.*obs_adm`},
		"no role":      {Config: agencyConfig(``), Want: `(?s)roles set must contain at least 1 elements`},
		"bad bucket":   {Config: obsAuthConfig(`"Flink_Logs"`), Want: `(?s)obs_buckets.*"Flink_Logs" must be an OBS bucket name`},
		"short bucket": {Config: obsAuthConfig(`"ab"`), Want: `(?s)obs_buckets.*"ab" must be an OBS bucket name`},
		"no bucket":    {Config: obsAuthConfig(``), Want: `(?s)obs_buckets set must contain at least 1 elements`},
	})
}
