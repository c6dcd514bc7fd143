package resources_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
)

const (
	connAuthAddr = "huaweidata_dli_connection_authorization.partner"
	partnerA     = "330e068af1334c9782f4226acc00a2e2"
	partnerB     = "440e068af1334c9782f4226acc00a2e2"
)

func connAuthConfig(projects ...string) string {
	cfg := bareConn("")
	for i, p := range projects {
		name := "partner"
		if i > 0 {
			name = fmt.Sprintf("partner%d", i)
		}
		cfg += fmt.Sprintf(`
resource "huaweidata_dli_connection_authorization" %q {
  connection_id = huaweidata_dli_connection.test.id
  project_id    = %q
}
`, name, p)
	}
	return cfg
}

// TestAccDLIConnectionAuthorization_lifecycle shares a connection with two projects,
// imports one, detects an out-of-band revoke (plan shows create), and replaces one
// project by another without touching the other.
func TestAccDLIConnectionAuthorization_lifecycle(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	var id string // the connection's, for the out-of-band revoke
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             acctest.CheckNothingLeft(env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(connAuthConfig(partnerA, partnerB)),
				Check: func(s *terraform.State) error {
					id = s.RootModule().Resources[connAddr].Primary.ID
					return nil
				},
				ConfigStateChecks: []statecheck.StateCheck{acctest.CheckAPI(func(context.Context) error {
					return connectionGrantsAre(env, partnerA, partnerB)
				})},
			},
			{ResourceName: connAuthAddr, ImportState: true, ImportStateVerify: true},
			{
				PreConfig: func() {
					if err := env.Client(t).AuthorizeConnectionProject(context.Background(), id, partnerA, false); err != nil {
						t.Fatal(err)
					}
				},
				Config:           env.Config(connAuthConfig(partnerA, partnerB)),
				ConfigPlanChecks: acctest.ExpectAction(connAuthAddr, plancheck.ResourceActionCreate),
				ConfigStateChecks: []statecheck.StateCheck{acctest.CheckAPI(func(context.Context) error {
					return connectionGrantsAre(env, partnerA, partnerB)
				})},
			},
			{
				Config: env.Config(connAuthConfig(partnerA)),
				ConfigStateChecks: []statecheck.StateCheck{acctest.CheckAPI(func(context.Context) error {
					return connectionGrantsAre(env, partnerA)
				})},
			},
		},
	})
}

// connectionGrantsAre checks the projects the emulator has authorised on the (one) connection.
func connectionGrantsAre(env *acctest.Env, projects ...string) error {
	var got []string
	for _, p := range env.Emulator.Inventory().Projects {
		for _, g := range p.Privileges {
			if strings.HasPrefix(g.Object, "edsconnections.") {
				got = append(got, g.Grantee+"="+fmt.Sprint(g.Privileges))
			}
		}
	}
	var want []string
	for _, p := range projects {
		want = append(want, p+"=[BIND_QUEUE]")
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		return fmt.Errorf("the connection is shared with %v, want %v", got, want)
	}
	return nil
}

func TestAccDLIConnectionAuthorization_planTimeValidation(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	auth := func(conn, project string) string {
		return fmt.Sprintf(`
resource "huaweidata_dli_connection_authorization" "p" {
  connection_id = %q
  project_id    = %q
}
`, conn, project)
	}
	const conn = "2a620c33-5609-40c9-affd-2b6453071b0f"
	env.ExpectPlanErrors(t, map[string]acctest.PlanError{
		"connection id not a UUID": {Config: auth("conn-1", partnerA), Want: `(?s)connection_id.*must be an enhanced connection id`},
		"project id too short":     {Config: auth(conn, "330e068a"), Want: `(?s)project_id.*must be a project id`},
		"project id uppercase":     {Config: auth(conn, "330E068AF1334C9782F4226ACC00A2E2"), Want: `(?s)project_id.*must be a project id`},
	})
}

func TestAccDLIConnectionAuthorization_importError(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config:        env.Config(connAuthConfig(partnerA)),
			ResourceName:  connAuthAddr,
			ImportState:   true,
			ImportStateId: "2a620c33-5609-40c9-affd-2b6453071b0f",
			ExpectError:   regexp.MustCompile(`(?s)Invalid import id.*<connection_id>/<project_id>`),
		}},
	})
}
