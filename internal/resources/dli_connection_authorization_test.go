package resources_test

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

const (
	connAuthAddr = "huaweidata_dli_connection_authorization.partner"
	partnerA     = "330e068af1334c9782f4226acc00a2e2"
	partnerB     = "440e068af1334c9782f4226acc00a2e2"
)

// connAuthConfig is a connection (env.Name("acc_conn")) shared with these projects.
func connAuthConfig(env *acctest.Env, projects ...string) string {
	cfg := namedBareConn(env.Name("acc_conn"), "")
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
				Config: env.Config(connAuthConfig(env, partnerA, partnerB)),
				Check: func(s *terraform.State) error {
					id = s.RootModule().Resources[connAddr].Primary.ID
					return nil
				},
				ConfigStateChecks: []statecheck.StateCheck{acctest.CheckAPI(func(ctx context.Context) error {
					return connectionGrantsAre(ctx, env, t, id, partnerA, partnerB)
				})},
			},
			{ResourceName: connAuthAddr, ImportState: true, ImportStateVerify: true},
			{
				PreConfig: func() {
					if err := env.Client(t).AuthorizeConnectionProject(context.Background(), id, partnerA, false); err != nil {
						t.Fatal(err)
					}
				},
				Config:           env.Config(connAuthConfig(env, partnerA, partnerB)),
				ConfigPlanChecks: acctest.ExpectAction(connAuthAddr, plancheck.ResourceActionCreate),
				ConfigStateChecks: []statecheck.StateCheck{acctest.CheckAPI(func(ctx context.Context) error {
					return connectionGrantsAre(ctx, env, t, id, partnerA, partnerB)
				})},
			},
			{
				Config: env.Config(connAuthConfig(env, partnerA)),
				ConfigStateChecks: []statecheck.StateCheck{acctest.CheckAPI(func(ctx context.Context) error {
					return connectionGrantsAre(ctx, env, t, id, partnerA)
				})},
			},
		},
	})
}

// connectionGrantsAre checks that, of the partner projects, exactly these hold BIND_QUEUE on
// the connection (through the API), and that the emulator holds no other grant on any
// connection.
func connectionGrantsAre(ctx context.Context, env *acctest.Env, t *testing.T, id string, projects ...string) error {
	c := env.Client(t)
	for _, p := range []string{partnerA, partnerB} {
		if !slices.Contains(projects, p) {
			if _, err := c.ConnectionProjectGrant(ctx, id, p); err == nil {
				return fmt.Errorf("project %s still holds a grant on connection %s", p, id)
			} else if !client.IsNotFound(err) {
				return err
			}
			continue
		}
		var g *client.Grant
		err := c.AwaitVisible(ctx, time.Now(), func(ctx context.Context) (err error) {
			g, err = c.ConnectionProjectGrant(ctx, id, p)
			return err
		})
		if err != nil {
			return err
		}
		if got := fmt.Sprint(g.Privileges); got != "[BIND_QUEUE]" {
			return fmt.Errorf("project %s holds %s on connection %s, want [BIND_QUEUE]", p, got, id)
		}
	}
	return env.EmulatorOnly(func(emu *emulator.Emulator) error {
		var got []string
		for _, p := range emu.Inventory().Projects {
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
	})
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
			Config:        env.Config(connAuthConfig(env, partnerA)),
			ResourceName:  connAuthAddr,
			ImportState:   true,
			ImportStateId: "2a620c33-5609-40c9-affd-2b6453071b0f",
			ExpectError:   regexp.MustCompile(`(?s)Invalid import id.*<connection_id>/<project_id>`),
		}},
	})
}
