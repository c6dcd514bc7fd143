package resources_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

const (
	pkgAddr = "huaweidata_dli_package.test"
	pkgOBS  = "https://acc-bucket.obs.cn-north-4.myhuaweicloud.com/jars/"
)

// packageConfig is a package of group acc_group uploaded from pkgOBS+file (literal names:
// for the tests of other files that use it, and for configurations that only fail).
func packageConfig(file, body string) string { return packageConfigIn(pkgOBS, "acc_group", file, body) }

// packageFolder is the OBS folder the package tests upload from, which the test cannot
// create: pkgOBS against the emulator (which takes any object for a package); in real mode
// HUAWEIDATA_ACC_OBS_PACKAGE_FOLDER, the https URL (ending in /) of a folder holding the
// objects the tests name: etl.jar, etl-v2.jar, imported.jar, taken.jar, gone.jar and
// file-0.txt to file-19.txt.
func packageFolder(env *acctest.Env, t *testing.T) string {
	t.Helper()
	return env.Fixture(t, "OBS_PACKAGE_FOLDER", pkgOBS)
}

// packageConfigIn is a package of group uploaded from folder+file.
func packageConfigIn(folder, group, file, body string) string {
	return fmt.Sprintf(`
resource "huaweidata_dli_package" "test" {
  group_name  = %q
  type        = "jar"
  object_path = %q
%s
}
`, group, folder+file, body)
}

func expectPkg(attr string, v knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(pkgAddr, tfjsonpath.New(attr), v)
}

// packageInEmulator checks what DLI holds for a package of group.
func packageInEmulator(env *acctest.Env, t *testing.T, group, name string, check func(*model.ShowJobResourceResponse) error) statecheck.StateCheck {
	return acctest.CheckAPI(func(ctx context.Context) error {
		c := env.Client(t)
		var pkg *model.ShowJobResourceResponse
		err := c.AwaitVisible(ctx, time.Now(), func(ctx context.Context) (err error) {
			pkg, err = c.ShowPackage(ctx, group, name)
			return err
		})
		if err != nil {
			return err
		}
		return check(pkg)
	})
}

func packageOwnedBy(owner string) func(*model.ShowJobResourceResponse) error {
	return func(p *model.ShowJobResourceResponse) error {
		if got := ptr.Deref(p.Owner); got != owner {
			return fmt.Errorf("the package's owner is %q, want %q", got, owner)
		}
		return nil
	}
}

// uploadVisible uploads folder+file to group outside Terraform and waits until DLI shows it.
func uploadVisible(t *testing.T, env *acctest.Env, kind, folder, group, file string) {
	t.Helper()
	c, ctx := env.Client(t), context.Background()
	err := c.UploadPackage(ctx, &model.UploadJobResourcesRequestBody{Paths: []string{folder + file}, Kind: kind, Group: group}, file)
	if err == nil {
		_, err = c.WaitForPackageReady(ctx, group, file)
	}
	if err != nil {
		t.Fatal(err)
	}
}

func packagesDestroyed(env *acctest.Env, t *testing.T) resource.TestCheckFunc {
	return acctest.CheckDestroyed("huaweidata_dli_package", func(ctx context.Context, id string) error {
		group, name, _ := strings.Cut(id, "/")
		_, err := env.Client(t).ShowPackage(ctx, group, name)
		return err
	})
}

// Create -> import -> owner changed in place -> drift corrected -> replaced by a new path.
func TestAccDLIPackage_lifecycle(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	folder, group := packageFolder(env, t), env.Name("group")
	steps := []resource.TestStep{
		{
			Config: env.Config(packageConfigIn(folder, group, "etl.jar", `  tags = { team = "data" }`)),
			ConfigStateChecks: []statecheck.StateCheck{
				expectPkg("id", knownvalue.StringExact(group+"/etl.jar")),
				expectPkg("object_name", knownvalue.StringExact("etl.jar")),
				expectPkg("status", knownvalue.StringExact("READY")),
				expectPkg("is_async", knownvalue.Bool(false)),
				expectPkg("owner", knownvalue.NotNull()),
				expectPkg("created_at", knownvalue.NotNull()),
				packageInEmulator(env, t, group, "etl.jar", func(p *model.ShowJobResourceResponse) error {
					if ptr.Deref(p.ResourceType) != "jar" {
						return fmt.Errorf("type %q in DLI", ptr.Deref(p.ResourceType))
					}
					return nil
				}),
			},
		},
		{
			ResourceName:            pkgAddr,
			ImportState:             true,
			ImportStateVerify:       true,
			ImportStateVerifyIgnore: []string{"object_path", "tags", "tags.%", "tags.team"}, // DLI returns neither
		},
	}
	// The replaced package must be gone: the emulator's inventory says so.
	replacedGone := env.CheckEmulator(func(_ context.Context, emu *emulator.Emulator) error {
		for _, pk := range emu.Inventory().Projects[emulator.DemoProjectID].ResourcePackages {
			if pk.ID == group+"/etl.jar" {
				return fmt.Errorf("the replaced package is still in the emulator")
			}
		}
		return nil
	})
	// The owner steps give the package to "new_owner" and "someone_else", users the
	// emulator accepts as owners: on a real account an owner must be a real IAM user, so they
	// run against the emulator only; a real account replaces the package without owner.
	replaced := []resource.TestStep{{
		Config:           env.Config(packageConfigIn(folder, group, "etl-v2.jar", `  tags = { team = "data" }`)),
		ConfigPlanChecks: acctest.ExpectAction(pkgAddr, plancheck.ResourceActionDestroyBeforeCreate),
		ConfigStateChecks: []statecheck.StateCheck{
			expectPkg("id", knownvalue.StringExact(group+"/etl-v2.jar")),
			replacedGone,
		},
	}}
	env.WithEmulator(func(*emulator.Emulator) {
		replaced = []resource.TestStep{
			{
				Config:           env.Config(packageConfigIn(folder, group, "etl.jar", "  tags  = { team = \"data\" }\n  owner = \"new_owner\"")),
				ConfigPlanChecks: acctest.ExpectAction(pkgAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					expectPkg("owner", knownvalue.StringExact("new_owner")),
					packageInEmulator(env, t, group, "etl.jar", packageOwnedBy("new_owner")),
				},
			},
			{
				// An owner changed outside Terraform is drift, corrected in place.
				PreConfig: func() {
					if err := env.Client(t).UpdatePackageOwner(context.Background(), group, "etl.jar", "someone_else"); err != nil {
						t.Fatal(err)
					}
				},
				Config:            env.Config(packageConfigIn(folder, group, "etl.jar", "  tags  = { team = \"data\" }\n  owner = \"new_owner\"")),
				ConfigPlanChecks:  acctest.ExpectAction(pkgAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{packageInEmulator(env, t, group, "etl.jar", packageOwnedBy("new_owner"))},
			},
			{
				Config:           env.Config(packageConfigIn(folder, group, "etl-v2.jar", "  tags  = { team = \"data\" }\n  owner = \"new_owner\"")),
				ConfigPlanChecks: acctest.ExpectAction(pkgAddr, plancheck.ResourceActionDestroyBeforeCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					expectPkg("id", knownvalue.StringExact(group+"/etl-v2.jar")),
					packageInEmulator(env, t, group, "etl-v2.jar", packageOwnedBy("new_owner")),
					replacedGone,
				},
			},
		}
	})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             packagesDestroyed(env, t),
		Steps:                    append(steps, replaced...),
	})
}

// Packages uploaded in parallel while the API fails and throttles converge, each once.
func TestAccDLIPackage_withFaults(t *testing.T) {
	t.Parallel()
	env := acctest.NewEmulatedEnv(t, "injected faults")
	env.SetFaults(emulator.Faults{ErrorRates: map[int]float64{500: 0.07, 503: 0.07, 429: 0.06}, RetryAfterSeconds: 1})
	group := env.Name("faults")
	cfg := env.Config(`
resource "huaweidata_dli_package" "test" {
  count       = 8
  group_name  = "` + group + `"
  type        = "pyFile"
  object_path = "` + pkgOBS + `job_${count.index}.py"
  is_async    = true
}
`)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy: func(s *terraform.State) error {
			env.SetFaults(emulator.Faults{})
			return acctest.CheckNothingLeft(env.Env)(s)
		},
		Steps: []resource.TestStep{{
			Config: cfg,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				// The reference jobs use is known at plan time.
				plancheck.ExpectKnownValue("huaweidata_dli_package.test[7]", tfjsonpath.New("id"), knownvalue.StringExact(group+"/job_7.py")),
			}},
			ConfigStateChecks: []statecheck.StateCheck{acctest.CheckAPI(func(context.Context) error {
				if n := len(env.Emulator.Inventory().Projects[emulator.DemoProjectID].ResourcePackages); n != 8 {
					return fmt.Errorf("the emulator holds %d packages, want 8", n)
				}
				return nil
			})},
		}},
	})
}

// An import of a package made outside Terraform records object_path and tags in place
// (DLI returns neither) and the next plan is empty.
func TestAccDLIPackage_importBlock(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	folder, group := packageFolder(env, t), env.Name("group")
	cfg := env.Config(`
import {
  to = huaweidata_dli_package.test
  id = "` + group + `/imported.jar"
}
` + packageConfigIn(folder, group, "imported.jar", `  tags = { team = "data" }`))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_5_0)},
		CheckDestroy:             acctest.CheckNothingLeft(env),
		Steps: []resource.TestStep{{
			PreConfig: func() { uploadVisible(t, env, "jar", folder, group, "imported.jar") },
			Config:    cfg,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(pkgAddr, plancheck.ResourceActionUpdate),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				expectPkg("object_path", knownvalue.StringExact(folder+"imported.jar")),
				expectPkg("tags", knownvalue.MapExact(map[string]knownvalue.Check{"team": knownvalue.StringExact("data")})),
				expectPkg("status", knownvalue.StringExact("READY")),
			},
		}},
	})
}

// An asynchronous upload is waited for; one that ends FAILED fails the apply and leaves a
// tainted package, which the next apply replaces; a synchronous upload DLI refuses fails
// with DLI's reason and leaves nothing behind.
func TestAccDLIPackage_uploadFailures(t *testing.T) {
	t.Parallel()
	env := acctest.NewEmulatedEnv(t, "injected upload failures (FailPackageUploads)")
	folder, group := pkgOBS, env.Name("group")
	asyncCfg := env.Config(packageConfigIn(folder, group, "broken.jar", "  is_async = true"))
	syncCfg := env.Config(packageConfigIn(folder, group, "missing.jar", ""))
	fail := func(file, reason string) {
		if err := env.Emulator.FailPackageUploads("", pkgOBS+file, reason); err != nil {
			t.Fatal(err)
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             acctest.CheckNothingLeft(env.Env),
		Steps: []resource.TestStep{
			{
				PreConfig:   func() { fail("broken.jar", "the object is not a jar") },
				Config:      asyncCfg,
				ExpectError: regexp.MustCompile(`(?s)` + regexp.QuoteMeta(group) + `/broken.jar.*ended\s+FAILED.*OBS\s+object\s+exists`),
			},
			{
				PreConfig:        func() { fail("broken.jar", "") },
				Config:           asyncCfg,
				ConfigPlanChecks: acctest.ExpectAction(pkgAddr, plancheck.ResourceActionDestroyBeforeCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					expectPkg("status", knownvalue.StringExact("READY")),
					expectPkg("is_async", knownvalue.Bool(true)),
				},
			},
			{
				PreConfig: func() { fail("missing.jar", "the OBS object does not exist") },
				Config:    syncCfg,
				// CheckNothingLeft finds the package if the refused upload left one behind.
				ExpectError: regexp.MustCompile(`(?s)Uploading DLI resource package ` + regexp.QuoteMeta(group) + `/missing.jar.*DLI.0001.*the\s+OBS\s+object\s+does\s+not\s+exist`),
			},
		},
	})
}

// A package of the same name in the group is never taken over.
func TestAccDLIPackage_alreadyExists(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	folder, group := packageFolder(env, t), env.Name("group")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{{
			PreConfig: func() {
				uploadVisible(t, env, "file", folder, group, "taken.jar")
				t.Cleanup(func() { // made outside Terraform: deleted through the API, so that nothing is left
					if err := env.Client(t).DeletePackage(context.Background(), group, "taken.jar"); err != nil {
						t.Error(err)
					}
				})
			},
			Config:      env.Config(packageConfigIn(folder, group, "taken.jar", "")),
			ExpectError: regexp.MustCompile(`(?s)` + regexp.QuoteMeta(group) + `/taken.jar already exists.*terraform\s+import`),
		}},
	})
}

func TestAccDLIPackage_disappears(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	folder, group := packageFolder(env, t), env.Name("group")
	cfg := env.Config(packageConfigIn(folder, group, "gone.jar", ""))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             packagesDestroyed(env, t),
		Steps: []resource.TestStep{
			{
				Config: cfg,
				Check: func(*terraform.State) error {
					return env.Client(t).DeletePackage(context.Background(), group, "gone.jar")
				},
				ExpectNonEmptyPlan: true,
			},
			{
				Config:            cfg,
				ConfigPlanChecks:  acctest.ExpectAction(pkgAddr, plancheck.ResourceActionCreate),
				ConfigStateChecks: []statecheck.StateCheck{expectPkg("status", knownvalue.StringExact("READY"))},
			},
		},
	})
}

func TestAccDLIPackage_planTimeValidation(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	pkg := func(group, typ, objectPath, more string) string {
		return fmt.Sprintf(`
resource "huaweidata_dli_package" "test" {
  group_name  = %q
  type        = %q
  object_path = %q
%s
}
`, group, typ, objectPath, more)
	}
	ok := pkgOBS + "x.jar"
	cases := map[string]acctest.PlanError{
		"group with space": {Config: pkg("my group", "jar", ok, ""), Want: `(?s)group_name.*1\s+to\s+64\s+letters`},
		"group too long":   {Config: pkg(strings.Repeat("g", 65), "jar", ok, ""), Want: `(?s)group_name.*1\s+to\s+64\s+letters`},
		"unknown type":     {Config: pkg("g", "egg", ok, ""), Want: `(?s)type.*value\s+must\s+be\s+one\s+of.*jar.*pyFile.*file.*modelFile`},
		"type wrong case":  {Config: pkg("g", "JAR", ok, ""), Want: `(?s)type.*value\s+must\s+be\s+one\s+of`},
		"no object_path": {Config: `
resource "huaweidata_dli_package" "test" {
  group_name = "g"
  type       = "jar"
}
`, Want: `(?s)Set\s+object_path\s+to\s+create`},
		"obs scheme":        {Config: pkg("g", "jar", "obs://acc-bucket/x.jar", ""), Want: `(?s)object_path.*is\s+not\s+an\s+OBS\s+object\s+URL`},
		"not obs host":      {Config: pkg("g", "jar", "https://example.com/x.jar", ""), Want: `(?s)object_path.*is\s+not\s+an\s+OBS\s+object\s+URL`},
		"folder":            {Config: pkg("g", "jar", pkgOBS, ""), Want: `(?s)object_path.*names\s+a\s+folder`},
		"bad package name":  {Config: pkg("g", "jar", pkgOBS+".x.jar", ""), Want: `(?s)object_path.*not\s+a\s+valid\s+package\s+name`},
		"owner too short":   {Config: pkg("g", "jar", ok, `  owner = "abc"`), Want: `(?s)owner.*5\s+to\s+32\s+letters`},
		"owner digit first": {Config: pkg("g", "jar", ok, `  owner = "1user"`), Want: `(?s)owner.*not\s+starting\s+with\s+a\s+digit`},
		"tag key too long":  {Config: pkg("g", "jar", ok, fmt.Sprintf("  tags = { %s = \"v\" }", strings.Repeat("k", 129))), Want: `(?s)tags.*character\s+count\s+must\s+be\s+between\s+1\s+and\s+128`},
		"tag value empty":   {Config: pkg("g", "jar", ok, `  tags = { k = "" }`), Want: `(?s)tags.*character\s+count\s+must\s+be\s+between\s+1\s+and\s+255`},
	}
	env.ExpectPlanErrors(t, cases)
}

// TestAccDLIPackage_import covers the import id's form.
func TestAccDLIPackage_importID(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config:        env.Config(packageConfig("etl.jar", "")),
			ResourceName:  pkgAddr,
			ImportState:   true,
			ImportStateId: "no-group-here",
			ExpectError:   regexp.MustCompile(`(?s)Invalid import id.*<group>/<name>`),
		}},
	})
}

// A refresh of a package costs one ShowJobResource call and no list.
func TestAccDLIPackage_refreshCost(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	cfg := env.Config(`
resource "huaweidata_dli_package" "test" {
  count       = 20
  group_name  = "` + env.Name("bulk") + `"
  type        = "file"
  object_path = "` + packageFolder(env, t) + `file-${count.index}.txt"
}
`)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             acctest.CheckNothingLeft(env),
		Steps: []resource.TestStep{
			{Config: cfg},
			{
				PreConfig:    env.ResetCounts,
				RefreshState: true,
				Check: resource.ComposeTestCheckFunc(
					env.CheckRequests("ShowJobResource", 20, 20), env.CheckRequests("ListJobResources", 0, 0)),
			},
		},
	})
}
