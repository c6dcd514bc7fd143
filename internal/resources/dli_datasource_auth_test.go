package resources_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
)

const authAddr = "huaweidata_dli_datasource_auth.test"

func authConfig(name, typ, body string) string {
	return fmt.Sprintf(`
resource "huaweidata_dli_datasource_auth" "test" {
  name = %q
  type = %q
%s
}
`, name, typ, body)
}

func expectAuth(attr string, v knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(authAddr, tfjsonpath.New(attr), v)
}

// authSecret checks the secret the emulator holds for an authentication: DLI never returns
// a secret, so emulator-only.
func authSecret(env *acctest.Env, name, field, want string) statecheck.StateCheck {
	return env.CheckEmulator(func(_ context.Context, emu *emulator.Emulator) error {
		got, ok := emu.AuthInfoSecret(emulator.DemoProjectID, name, field)
		if !ok || got != want {
			return fmt.Errorf("the emulator holds %s %q for %s (found %t), want %q", field, got, name, ok, want)
		}
		return nil
	})
}

// authListed checks a non-secret field as DLI lists it.
func authListed(env *acctest.Env, t *testing.T, name string, check func(a *model.AuthInfo) error) statecheck.StateCheck {
	return acctest.CheckAPI(func(ctx context.Context) error {
		a, err := env.Client(t).GetAuthInfo(ctx, name)
		if err != nil {
			return err
		}
		return check(&a.AuthInfo)
	})
}

func authsDestroyed(env *acctest.Env, t *testing.T) resource.TestCheckFunc {
	return acctest.CheckDestroyed("huaweidata_dli_datasource_auth", func(ctx context.Context, id string) error {
		_, err := env.Client(t).GetAuthInfo(ctx, id)
		return err
	})
}

// The password type with sensitive arguments: create, import (secrets cannot be read
// back), in-place update of user and password, drift of the user name, and an
// authentication deleted outside Terraform is planned for creation.
func TestAccDLIDatasourceAuth_password(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	pw := env.Name("pw")
	v1 := authConfig(pw, "passwd", "  username = \"reader\"\n  password = \"pw-one\"")
	v2 := authConfig(pw, "passwd", "  username = \"writer\"\n  password = \"pw-two\"")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             authsDestroyed(env, t),
		Steps: []resource.TestStep{
			{
				Config: env.Config(v1),
				ConfigStateChecks: []statecheck.StateCheck{
					expectAuth("id", knownvalue.StringExact(pw)),
					expectAuth("username", knownvalue.StringExact("reader")),
					expectAuth("password", knownvalue.StringExact("pw-one")),
					expectAuth("owner", knownvalue.NotNull()),
					authSecret(env, pw, "password", "pw-one"),
				},
			},
			{
				ResourceName:            authAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"password"}, // DLI never returns a secret
			},
			{
				Config:           env.Config(v2),
				ConfigPlanChecks: acctest.ExpectAction(authAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					authSecret(env, pw, "password", "pw-two"),
					authListed(env, t, pw, func(a *model.AuthInfo) error {
						if *a.UserName != "writer" {
							return fmt.Errorf("user_name %q, want writer", *a.UserName)
						}
						return nil
					}),
					env.ExpectRequests("UpdateJobAuthInfo", 1, 1),
				},
			},
			{
				// Drift of the user name is detected and corrected in place.
				PreConfig: func() {
					if err := env.Client(t).UpdateAuthInfo(context.Background(), &model.UpdateAuthInfoRequestBody{
						AuthInfoName: pw, UserName: ptrTo("intruder")}); err != nil {
						t.Fatal(err)
					}
				},
				Config:            env.Config(v2),
				ConfigPlanChecks:  acctest.ExpectAction(authAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{expectAuth("username", knownvalue.StringExact("writer"))},
			},
			{
				Config: env.Config(v2),
				Check: func(*terraform.State) error {
					return env.Client(t).DeleteAuthInfo(context.Background(), pw)
				},
				ExpectNonEmptyPlan: true,
			},
			{
				Config:            env.Config(v2),
				ConfigPlanChecks:  acctest.ExpectAction(authAddr, plancheck.ResourceActionCreate),
				ConfigStateChecks: []statecheck.StateCheck{authSecret(env, pw, "password", "pw-two")},
			},
		},
	})
}

func ptrTo[T any](v T) *T { return &v }

// Kerberos and CSS: every other type, with a write-only CSS password. The Kerberos files
// change in place; a new password version sends the new write-only password; changing the
// CSS certificate replaces the authentication.
func TestAccDLIDatasourceAuth_kerberosAndCSS(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	krbName, cssName := env.Name("krb"), env.Name("css")
	config := func(keytab, cert, password string, version int) string {
		return env.Config(fmt.Sprintf(`
resource "huaweidata_dli_datasource_auth" "krb" {
  name      = %q
  type      = "KRB"
  username  = "hive/mrs@EXAMPLE.COM"
  krb5_conf = "obs://acc-krb/krb5.conf"
  keytab    = %q
}

resource "huaweidata_dli_datasource_auth" "css" {
  name                 = %q
  type                 = "CSS"
  username             = "admin"
  certificate_location = %q
  password_wo          = %q
  password_wo_version  = %d
}
`, krbName, keytab, cssName, cert, password, version))
	}
	krb := "huaweidata_dli_datasource_auth.krb"
	css := "huaweidata_dli_datasource_auth.css"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_11_0)},
		CheckDestroy:             authsDestroyed(env, t),
		Steps: []resource.TestStep{
			{
				Config: config("obs://acc-krb/user.keytab", "obs://acc-css/ca.cer", "css-one", 1),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(krb, tfjsonpath.New("keytab"), knownvalue.StringExact("obs://acc-krb/user.keytab")),
					statecheck.ExpectKnownValue(css, tfjsonpath.New("password"), knownvalue.Null()),
					statecheck.ExpectKnownValue(css, tfjsonpath.New("password_wo"), knownvalue.Null()),
					authSecret(env, cssName, "password", "css-one"),
				},
			},
			{ResourceName: krb, ImportState: true, ImportStateVerify: true},
			{
				ResourceName: css, ImportState: true, ImportStateVerify: true,
				// Write-only arguments and their versions live in the configuration only.
				ImportStateVerifyIgnore: []string{"password_wo_version"},
			},
			{
				Config: config("obs://acc-krb/user2.keytab", "obs://acc-css/ca.cer", "css-two", 2),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(krb, plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction(css, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					authSecret(env, cssName, "password", "css-two"),
					authListed(env, t, krbName, func(a *model.AuthInfo) error {
						if *a.Keytab != "obs://acc-krb/user2.keytab" {
							return fmt.Errorf("keytab %q", *a.Keytab)
						}
						return nil
					}),
				},
			},
			{
				Config:           config("obs://acc-krb/user2.keytab", "obs://acc-css/ca2.cer", "css-two", 2),
				ConfigPlanChecks: acctest.ExpectAction(css, plancheck.ResourceActionDestroyBeforeCreate),
			},
		},
	})
}

// TestAccDLIDatasourceAuth_secretsNeverLogged creates a Kafka SSL authentication whose
// three secrets are write-only, with TF_LOG=trace and the Terraform and provider logs
// written to a file, then changes the truststore password (in place) and the key password
// (a replacement). Neither that log nor any state file may hold a secret value; the log
// must hold the provider's API calls and the state the non-secret locations, which proves
// the greps read the right files. The in-process provider runs the same plugin framework
// and protocol loggers as the binary, so this covers them too. It sets process
// environment variables, so it cannot run in parallel.
func TestAccDLIDatasourceAuth_secretsNeverLogged(t *testing.T) {
	dir := t.TempDir()
	logPath := filepath.Join(dir, "terraform.log")
	workDir := filepath.Join(dir, "work")
	if err := os.Mkdir(workDir, 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("TF_LOG", "trace")
	t.Setenv("TF_ACC_LOG", "trace")
	t.Setenv("TF_ACC_LOG_PATH", logPath)
	t.Setenv("TF_LOG_PATH", logPath)
	t.Setenv("TF_ACC_TEMP_DIR", workDir)
	secrets := []string{"Trust-Secret-4711", "Keystore-Secret-4712", "Key-Secret-4713", "Trust-Secret-Second-4714", "Key-Secret-Second-4715"}
	env := acctest.NewEnv(t)
	kafka := env.Name("kafka")
	// The secrets come from ephemeral variables set in the environment, as a pipeline
	// would pass them: the test harness logs the configuration text it writes.
	t.Setenv("TF_VAR_keystore_password", secrets[1])
	t.Setenv("TF_VAR_key_password", secrets[2])
	t.Setenv("TF_VAR_truststore_password", secrets[0])
	config := func(version, keyVersion int) string {
		return env.Config(`
variable "truststore_password" {
  type      = string
  sensitive = true
  ephemeral = true
}
variable "keystore_password" {
  type      = string
  sensitive = true
  ephemeral = true
}
variable "key_password" {
  type      = string
  sensitive = true
  ephemeral = true
}
` + authConfig(kafka, "Kafka_SSL", fmt.Sprintf(`  truststore_location            = "obs://acc-certs/truststore.jks"
  truststore_password_wo         = var.truststore_password
  truststore_password_wo_version = %d
  keystore_location              = "obs://acc-certs/keystore.jks"
  keystore_password_wo           = var.keystore_password
  keystore_password_wo_version   = 1
  key_password_wo                = var.key_password
  key_password_wo_version        = %d`, version, keyVersion)))
	}
	noSecretInState := func(*terraform.State) error {
		return grepFiles(workDir, "terraform.tfstate", secrets, []string{"obs://acc-certs/truststore.jks", kafka})
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_11_0)},
		CheckDestroy:             authsDestroyed(env, t),
		Steps: []resource.TestStep{
			{
				Config: config(1, 1),
				ConfigStateChecks: []statecheck.StateCheck{
					authSecret(env, kafka, "truststore_password", secrets[0]),
					authSecret(env, kafka, "keystore_password", secrets[1]),
					authSecret(env, kafka, "key_password", secrets[2]),
					expectAuth("truststore_password", knownvalue.Null()),
					expectAuth("truststore_password_wo", knownvalue.Null()),
					expectAuth("truststore_password_wo_version", knownvalue.Int64Exact(1)),
				},
				Check: noSecretInState,
			},
			{
				PreConfig:         func() { t.Setenv("TF_VAR_truststore_password", secrets[3]) },
				Config:            config(2, 1),
				ConfigPlanChecks:  acctest.ExpectAction(authAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{authSecret(env, kafka, "truststore_password", secrets[3])},
				Check:             noSecretInState,
			},
			{
				// DLI cannot change the key password: a new version replaces the authentication.
				PreConfig:         func() { t.Setenv("TF_VAR_key_password", secrets[4]) },
				Config:            config(2, 2),
				ConfigPlanChecks:  acctest.ExpectAction(authAddr, plancheck.ResourceActionDestroyBeforeCreate),
				ConfigStateChecks: []statecheck.StateCheck{authSecret(env, kafka, "key_password", secrets[4])},
				Check:             noSecretInState,
			},
		},
	})
	if err := grepFiles(dir, "terraform.log", secrets, []string{"CreateJobAuthInfo", "UpdateJobAuthInfo", "huaweidata_dli_datasource_auth"}); err != nil {
		t.Error(err)
	}
}

// grepFiles finds the files named name under dir (at least one) and requires that none
// holds any of forbidden and that, together, they hold each of required.
func grepFiles(dir, name string, forbidden, required []string) error {
	var all strings.Builder
	files := 0
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() != name {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		files++
		for _, s := range forbidden {
			if strings.Contains(string(data), s) {
				return fmt.Errorf("%s holds the secret %q", p, s)
			}
		}
		all.Write(data)
		return nil
	})
	if err != nil {
		return err
	}
	if files == 0 {
		return fmt.Errorf("no file named %s under %s", name, dir)
	}
	for _, s := range required {
		if !strings.Contains(all.String(), s) {
			return fmt.Errorf("the %d %s file(s) under %s do not hold %q: the check does not read what it should", files, name, dir, s)
		}
	}
	return nil
}

func TestAccDLIDatasourceAuth_planTimeValidation(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	pw := "  username = \"u\"\n  password = \"p\""
	cases := map[string]acctest.PlanError{
		"name with dash":      {Config: authConfig("my-auth", "passwd", pw), Want: `(?s)name.*character other than`},
		"unknown type":        {Config: authConfig("a1", "password", pw), Want: `(?s)type value must be one of.*passwd`},
		"passwd no password":  {Config: authConfig("a1", "passwd", `  username = "u"`), Want: `(?s)Set password or password_wo\s+to\s+create.*type "passwd"\s+authenticates`},
		"passwd no username":  {Config: authConfig("a1", "passwd", `  password = "p"`), Want: `(?s)type "passwd" requires username`},
		"passwd with keytab":  {Config: authConfig("a1", "passwd", pw+"\n  keytab = \"obs://b/k.keytab\""), Want: `(?s)keytab is not used by type "passwd"`},
		"KRB without keytab":  {Config: authConfig("a1", "KRB", `  krb5_conf = "obs://b/krb5.conf"`), Want: `(?s)type "KRB" requires keytab`},
		"KRB with password":   {Config: authConfig("a1", "KRB", "  krb5_conf = \"obs://b/krb5.conf\"\n  keytab = \"obs://b/k\"\n  password_wo = \"x\""), Want: `(?s)password \(or password_wo\) is not used by type "KRB"`},
		"Kafka no store":      {Config: authConfig("a1", "Kafka_SSL", ""), Want: `(?s)type "Kafka_SSL" requires truststore_location or keystore_location`},
		"both password forms": {Config: authConfig("a1", "passwd", pw+"\n  password_wo = \"q\""), Want: `(?s)Invalid Attribute Combination.*password.*password_wo`},
		"truststore pw alone": {Config: authConfig("a1", "Kafka_SSL", "  keystore_location = \"obs://b/ks\"\n  truststore_password = \"x\""), Want: `(?s)truststore_location.*must be specified`},
		"version without _wo": {Config: authConfig("a1", "passwd", pw+"\n  password_wo_version = 1"), Want: `(?s)password_wo.*must be specified`},
		"certificate not cer": {Config: authConfig("a1", "CSS", pw+"\n  certificate_location = \"obs://b/ca.pem\""), Want: `(?s)certificate_location.*ending in \.cer`},
		"keytab not on OBS":   {Config: authConfig("a1", "KRB", "  krb5_conf = \"obs://b/krb5.conf\"\n  keytab = \"/etc/k\""), Want: `(?s)keytab "/etc/k" must be an OBS path`},
	}
	env.ExpectPlanErrors(t, cases)
}

// TestAccDLIDatasourceAuth_withFaults creates ten authentications through 500, 503 and
// 429 faults: every create converges, none is made twice, nothing is left after destroy.
func TestAccDLIDatasourceAuth_withFaults(t *testing.T) {
	t.Parallel()
	env := acctest.NewEmulatedEnv(t, "injected faults")
	env.SetFaults(emulator.Faults{
		ErrorRates:        map[int]float64{500: 0.07, 503: 0.07, 429: 0.06},
		RetryAfterSeconds: 1,
	})
	prefix := env.Name("bulk_")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy: func(s *terraform.State) error {
			env.SetFaults(emulator.Faults{})
			return catalogNothingLeft(env.Env)(s)
		},
		Steps: []resource.TestStep{{
			Config: env.Config(bulkAuths(prefix, 10)),
			ConfigStateChecks: []statecheck.StateCheck{
				authSecret(env.Env, prefix+"9", "password", "pw-9"),
				acctest.CheckAPI(func(context.Context) error {
					if n := len(env.Emulator.Inventory().Projects[emulator.DemoProjectID].DatasourceAuths); n != 10 {
						return fmt.Errorf("the emulator holds %d authentications, want 10", n)
					}
					return nil
				}),
			},
		}},
	})
}

// TestAccDLIDatasourceAuth_refreshCost refreshes 110 authentications: they share one paged
// listing (100 per page), so the refresh costs exactly 2 list calls, not one per
// authentication. (Each create is read back with lookups by name, not with the listing.)
func TestAccDLIDatasourceAuth_refreshCost(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             catalogNothingLeft(env),
		Steps: []resource.TestStep{
			{Config: env.Config(bulkAuths(env.Name("bulk_"), 110))},
			{
				PreConfig:    env.ResetCounts,
				RefreshState: true,
				Check:        env.CheckRequests("ListJobAuthInfos", 2, 2),
			},
		},
	})
}

// bulkAuths is n authentications named prefix and their index.
func bulkAuths(prefix string, n int) string {
	return fmt.Sprintf(`
resource "huaweidata_dli_datasource_auth" "test" {
  count    = %d
  name     = "${%q}${count.index}"
  type     = "passwd"
  username = "user_${count.index}"
  password = "pw-${count.index}"
}
`, n, prefix)
}
