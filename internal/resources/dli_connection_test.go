package resources_test

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
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

const connAddr = "huaweidata_dli_connection.test"

// connConfig is two ready general queues (q1 = env.Name("acc_cq1"), q2 = env.Name("acc_cq2"))
// and a connection with the given body, in the network of connNetwork.
func connConfig(env *acctest.Env, body string) string {
	vpc, subnet, _ := connNetwork()
	return fmt.Sprintf(`
resource "huaweidata_dli_queue" "q1" {
  name       = %q
  cu_count   = 16
  queue_type = "general"
}

resource "huaweidata_dli_queue" "q2" {
  name       = %q
  cu_count   = 16
  queue_type = "general"
}

resource "huaweidata_dli_connection" "test" {
  vpc_id    = %q
  subnet_id = %q
`, env.Name("acc_cq1"), env.Name("acc_cq2"), vpc, subnet) + body + `
}
`
}

// The network of the connections the tests create: the emulator takes any ids; a real
// account needs a VPC, subnet and route table of its own, named by these variables in
// real mode (unset, the emulator's placeholders are used).
const (
	accVPCEnv        = "HUAWEIDATA_ACC_VPC_ID"
	accSubnetEnv     = "HUAWEIDATA_ACC_SUBNET_ID"
	accRouteTableEnv = "HUAWEIDATA_ACC_ROUTE_TABLE_ID"
	// A second route table of the VPC, for the test that moves a connection to another.
	accRouteTable2Env = "HUAWEIDATA_ACC_ROUTE_TABLE_ID_2"
)

// connNetwork returns the VPC, subnet and route table ids of the connections the tests create.
func connNetwork() (vpc, subnet, routeTable string) {
	vpc, subnet, routeTable = "vpc-0001", "subnet-0001", "rtb-0001"
	if !acctest.RealMode() {
		return vpc, subnet, routeTable
	}
	for _, v := range []struct {
		env string
		id  *string
	}{{accVPCEnv, &vpc}, {accSubnetEnv, &subnet}, {accRouteTableEnv, &routeTable}} {
		if id := os.Getenv(v.env); id != "" {
			*v.id = id
		}
	}
	return vpc, subnet, routeTable
}

// connRouteTable2 is the second route table (connNetwork).
func connRouteTable2() string {
	if id := os.Getenv(accRouteTable2Env); acctest.RealMode() && id != "" {
		return id
	}
	return "rtb-0002"
}

// connHas is a state check that the connection in state has, in the emulator, exactly these
// queues bound, every one ACTIVE, and these hosts ("name=ip").
func connHas(env *acctest.Env, t *testing.T, queues []string, hosts ...string) statecheck.StateCheck {
	var id string
	return connStateChecks{
		expectConn("id", knownvalue.StringFunc(func(v string) error { id = v; return nil })),
		acctest.CheckAPI(func(ctx context.Context) error {
			c, err := env.Client(t).GetEnhancedConnection(ctx, id)
			if err != nil {
				return err
			}
			var got []string
			for _, q := range *c.AvailableQueueInfo {
				if *q.Status != "ACTIVE" {
					return fmt.Errorf("queue %s is %s in the emulator, want ACTIVE", *q.Name, *q.Status)
				}
				got = append(got, *q.Name)
			}
			sort.Strings(got)
			if !slices.Equal(got, queues) {
				return fmt.Errorf("emulator has queues %v bound, want %v", got, queues)
			}
			var gotHosts []string
			for _, h := range *c.Hosts {
				gotHosts = append(gotHosts, *h.Name+"="+*h.Ip)
			}
			if !slices.Equal(gotHosts, hosts) {
				return fmt.Errorf("emulator has hosts %v, want %v", gotHosts, hosts)
			}
			return nil
		}),
	}
}

// connStateChecks runs state checks in order, stopping at the first failure.
type connStateChecks []statecheck.StateCheck

func (cs connStateChecks) CheckState(ctx context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	for _, c := range cs {
		if c.CheckState(ctx, req, resp); resp.Error != nil {
			return
		}
	}
}

// expectConn is a state check of one attribute of the connection.
func expectConn(attr string, v knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(connAddr, tfjsonpath.New(attr), v)
}

// connQueues is the check of a queues set.
func connQueues(names ...string) knownvalue.Check {
	checks := make([]knownvalue.Check, 0, len(names))
	for _, n := range names {
		checks = append(checks, knownvalue.StringExact(n))
	}
	return knownvalue.SetExact(checks)
}

// connQueueActive is the check of a queue_status item whose peering is ACTIVE.
func connQueueActive(name string) knownvalue.Check {
	return knownvalue.ObjectPartial(map[string]knownvalue.Check{
		"name":        knownvalue.StringExact(name),
		"status":      knownvalue.StringExact("ACTIVE"),
		"err_msg":     knownvalue.StringExact(""),
		"peer_id":     knownvalue.StringRegexp(regexp.MustCompile(`\S`)),
		"update_time": knownvalue.StringRegexp(regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`)),
	})
}

// connHost is the check of a hosts item.
func connHost(name, ip string) knownvalue.Check {
	return knownvalue.ObjectExact(map[string]knownvalue.Check{"name": knownvalue.StringExact(name), "ip": knownvalue.StringExact(ip)})
}

func connDestroyed(env *acctest.Env, t *testing.T) resource.TestCheckFunc {
	return acctest.CheckDestroyed("huaweidata_dli_connection", func(ctx context.Context, id string) error {
		_, err := env.Client(t).GetEnhancedConnection(ctx, id)
		return err
	})
}

func TestAccDLIConnection_lifecycle(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	name, q1, q2 := env.Name("acc_conn"), env.Name("acc_cq1"), env.Name("acc_cq2")
	_, _, rtb := connNetwork()
	rtb2 := connRouteTable2()
	// conn is the configuration of the connection in route table routeTable, with rest.
	conn := func(routeTable, rest string) string {
		return env.Config(connConfig(env, fmt.Sprintf("\n  name           = %q\n  route_table_id = %q", name, routeTable)+rest))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             connDestroyed(env, t),
		Steps: []resource.TestStep{
			{
				Config: conn(rtb, `
  queues         = [huaweidata_dli_queue.q1.name]
  hosts          = [{ name = "db-primary", ip = "192.168.0.10" }]
  tags           = { team = "data" }`),
				ConfigStateChecks: []statecheck.StateCheck{
					expectConn("id", knownvalue.StringRegexp(regexp.MustCompile(`^[0-9a-f-]{36}$`))),
					expectConn("status", knownvalue.StringExact("ACTIVE")),
					expectConn("queues", connQueues(q1)),
					expectConn("queue_status", knownvalue.ListExact([]knownvalue.Check{connQueueActive(q1)})),
					expectConn("hosts", knownvalue.ListExact([]knownvalue.Check{connHost("db-primary", "192.168.0.10")})),
					expectConn("route_table_id", knownvalue.StringExact(rtb)),
					expectConn("tags", knownvalue.MapExact(map[string]knownvalue.Check{"team": knownvalue.StringExact("data")})),
					expectConn("create_time", knownvalue.StringRegexp(regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`))),
					connHas(env, t, []string{q1}, "db-primary=192.168.0.10"),
				},
			},
			{
				ResourceName:      connAddr,
				ImportState:       true,
				ImportStateVerify: true,
				// DLI never returns the route table or tags; timeouts are configuration only.
				ImportStateVerifyIgnore: []string{"route_table_id", "tags", "tags.%", "tags.team", "timeouts"},
			},
			{
				ResourceName:  connAddr,
				ImportState:   true,
				ImportStateId: name,
				ExpectError:   regexp.MustCompile(`Import a DLI enhanced connection by its id`),
			},
			{
				// A second queue is bound in place and waited for.
				Config: conn(rtb, `
  queues         = [huaweidata_dli_queue.q1.name, huaweidata_dli_queue.q2.name]
  hosts          = [{ name = "db-primary", ip = "192.168.0.10" }]
  tags           = { team = "data" }`),
				ConfigPlanChecks: acctest.ExpectAction(connAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					expectConn("queues", connQueues(q1, q2)),
					expectConn("queue_status", knownvalue.ListExact([]knownvalue.Check{connQueueActive(q1), connQueueActive(q2)})),
					connHas(env, t, []string{q1, q2}, "db-primary=192.168.0.10"),
				},
			},
			{
				// Hosts are replaced in full, in place.
				Config: conn(rtb, `
  queues         = [huaweidata_dli_queue.q1.name, huaweidata_dli_queue.q2.name]
  hosts = [
    { name = "db-replica", ip = "192.168.0.11" },
    { name = "kafka.broker-1", ip = "192.168.1.20" },
  ]
  tags = { team = "data" }`),
				ConfigPlanChecks: acctest.ExpectAction(connAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					expectConn("hosts", knownvalue.ListExact([]knownvalue.Check{
						connHost("db-replica", "192.168.0.11"), connHost("kafka.broker-1", "192.168.1.20"),
					})),
					connHas(env, t, []string{q1, q2}, "db-replica=192.168.0.11", "kafka.broker-1=192.168.1.20"),
				},
			},
			{
				// Unbinding a queue and clearing the hosts are in place too.
				Config: conn(rtb, `
  queues         = [huaweidata_dli_queue.q2.name]
  tags           = { team = "data" }`),
				ConfigPlanChecks: acctest.ExpectAction(connAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					expectConn("hosts", knownvalue.Null()),
					expectConn("queues", connQueues(q2)),
					expectConn("queue_status", knownvalue.ListExact([]knownvalue.Check{connQueueActive(q2)})),
					connHas(env, t, []string{q2}),
				},
			},
			{
				// The API cannot update the route table: it replaces the connection.
				Config: conn(rtb2, `
  queues         = [huaweidata_dli_queue.q2.name]
  tags           = { team = "data" }`),
				ConfigPlanChecks:  acctest.ExpectAction(connAddr, plancheck.ResourceActionDestroyBeforeCreate),
				ConfigStateChecks: []statecheck.StateCheck{expectConn("route_table_id", knownvalue.StringExact(rtb2)), connHas(env, t, []string{q2})},
			},
		},
	})
}

// A peering that ends FAILED fails the apply with DLI's reason: on create the connection is
// left tainted (replaced by the next apply); on update the failed queue is left out of
// queues, so the next apply binds it again.
func TestAccDLIConnection_activationFails(t *testing.T) {
	t.Parallel()
	env := acctest.NewEmulatedEnv(t, "a failed activation (FailConnectionActivation)")
	q1, q2 := env.Name("acc_cq1"), env.Name("acc_cq2")
	failQueue := func(queue string) func() {
		return func() {
			if err := env.Emulator.FailConnectionActivation("", queue, "no route to subnet-0001"); err != nil {
				t.Fatal(err)
			}
		}
	}
	clearQueue := func(queue string) func() {
		return func() {
			if err := env.Emulator.ClearConnectionActivationFailure("", queue); err != nil {
				t.Fatal(err)
			}
		}
	}
	one := env.Config(connConfig(env.Env, `
  name   = "`+env.Name("acc_fail")+`"
  queues = [huaweidata_dli_queue.q1.name]`))
	two := env.Config(connConfig(env.Env, `
  name   = "`+env.Name("acc_fail")+`"
  queues = [huaweidata_dli_queue.q1.name, huaweidata_dli_queue.q2.name]`))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             connDestroyed(env.Env, t),
		Steps: []resource.TestStep{
			{
				PreConfig:   failQueue(q1),
				Config:      one,
				ExpectError: regexp.MustCompile(`(?s)peering\s+of\s+queue\s+"` + q1 + `".*FAILED:\s+no\s+route\s+to\s+subnet-0001`),
			},
			{
				PreConfig:         clearQueue(q1),
				Config:            one,
				ConfigPlanChecks:  acctest.ExpectAction(connAddr, plancheck.ResourceActionDestroyBeforeCreate),
				ConfigStateChecks: []statecheck.StateCheck{connHas(env.Env, t, []string{q1})},
			},
			{
				PreConfig:   failQueue(q2),
				Config:      two,
				ExpectError: regexp.MustCompile(`(?s)peering\s+of\s+queue\s+"` + q2 + `".*FAILED:\s+no\s+route\s+to\s+subnet-0001`),
			},
			{
				PreConfig:        clearQueue(q2),
				Config:           two,
				ConfigPlanChecks: acctest.ExpectAction(connAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(connAddr, tfjsonpath.New("queue_status").AtSliceIndex(1), connQueueActive(q2)),
					expectConn("queues", connQueues(q1, q2)),
					connHas(env.Env, t, []string{q1, q2}),
				},
			},
		},
	})
}

func TestAccDLIConnection_disappears(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	config := env.Config(connConfig(env, `
  name   = "`+env.Name("acc_gone")+`"
  queues = [huaweidata_dli_queue.q1.name]`))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             connDestroyed(env, t),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: func(s *terraform.State) error {
					// DLI keeps the deleted connection visible as DELETED: Read must treat it as gone.
					return env.Client(t).DeleteEnhancedConnection(context.Background(), s.RootModule().Resources[connAddr].Primary.ID)
				},
				ExpectNonEmptyPlan: true,
			},
			{
				Config:            config,
				ConfigPlanChecks:  acctest.ExpectAction(connAddr, plancheck.ResourceActionCreate),
				ConfigStateChecks: []statecheck.StateCheck{connHas(env, t, []string{env.Name("acc_cq1")})},
			},
		},
	})
}

// bareConn is a connection named acc_conn with no queues (no queue to provision) and extra
// arguments, for configurations that are only planned.
func bareConn(extra string) string {
	return `
resource "huaweidata_dli_connection" "test" {
  name      = "acc_conn"
  vpc_id    = "vpc-0001"
  subnet_id = "subnet-0001"
` + extra + `
}
`
}

// namedBareConn is bareConn with the given name, in the network of connNetwork.
func namedBareConn(name, extra string) string {
	vpc, subnet, _ := connNetwork()
	return fmt.Sprintf(`
resource "huaweidata_dli_connection" "test" {
  name      = %q
  vpc_id    = %q
  subnet_id = %q
`, name, vpc, subnet) + extra + `
}
`
}

func TestAccDLIConnection_planTimeValidation(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	hosts := func(h string) string { return `  hosts = [` + h + `]` }
	env.ExpectPlanErrors(t, map[string]acctest.PlanError{
		"name too long":        {Config: strings.Replace(bareConn(""), "acc_conn", strings.Repeat("a", 65), 1), Want: `(?s)name string length must be between 1 and 64, got: 65`},
		"name empty":           {Config: strings.Replace(bareConn(""), "acc_conn", "", 1), Want: `(?s)name string length must be between 1 and 64, got: 0`},
		"name with dash":       {Config: strings.Replace(bareConn(""), "acc_conn", "acc-conn", 1), Want: `(?s)name must contain only letters, digits and\s+underscores`},
		"vpc_id empty":         {Config: strings.Replace(bareConn(""), "vpc-0001", "", 1), Want: `(?s)vpc_id string length must be at least 1`},
		"subnet_id empty":      {Config: strings.Replace(bareConn(""), "subnet-0001", "", 1), Want: `(?s)subnet_id string length must be at least 1`},
		"route_table_id empty": {Config: bareConn(`  route_table_id = ""`), Want: `(?s)route_table_id string length must be at least\s+1`},
		"queue name invalid":   {Config: bareConn(`  queues = ["Bad-Queue"]`), Want: `(?s)queues.*"Bad-Queue" contains a character other than a\s+letter`},
		"host name digit":      {Config: bareConn(hosts(`{ name = "1db", ip = "10.0.0.1" }`)), Want: `(?s)hosts\[0\]\.name must start with a letter`},
		"host name character":  {Config: bareConn(hosts(`{ name = "db 1", ip = "10.0.0.1" }`)), Want: `(?s)hosts\[0\]\.name must start with a letter and contain only letters`},
		"host name too long":   {Config: bareConn(hosts(`{ name = "` + strings.Repeat("d", 129) + `", ip = "10.0.0.1" }`)), Want: `(?s)hosts\[0\]\.name string length must be between 1 and 128, got: 129`},
		"host ip IPv6":         {Config: bareConn(hosts(`{ name = "db", ip = "fe80::1" }`)), Want: `(?s)hosts\[0\]\.ip must be an IPv4 address such as 192.168.0.10, got\s+"fe80::1"`},
		"host ip out of range": {Config: bareConn(hosts(`{ name = "a", ip = "10.0.0.1" }, { name = "b", ip = "10.0.0.256" }`)),
			Want: `(?s)hosts\[1\]\.ip must be an IPv4 address.*"10.0.0.256"`},
		"host ip a name": {Config: bareConn(hosts(`{ name = "db", ip = "db.local" }`)), Want: `(?s)hosts\[0\]\.ip must be an IPv4 address`},
		"too many hosts": {
			Config: bareConn(`  hosts = flatten([for a in range(21) : [for b in range(1000) : { name = "h", ip = "10.0.0.1" }]])`),
			Want:   `(?s)hosts list must contain at most 20000 elements, got: 21000`,
		},
		"tag value empty":    {Config: bareConn(`  tags = { team = "" }`), Want: `(?s)tags\["team"\] UTF-8 character count must be between 1 and 255, got:\s+0`},
		"tag value too long": {Config: bareConn(`  tags = { team = "` + strings.Repeat("v", 256) + `" }`), Want: `(?s)tags\["team"\] UTF-8 character count must be between 1 and 255, got:\s+256`},
		// DLI counts characters, not bytes: 256 two-byte characters are 256, not 512.
		"tag value in characters": {Config: bareConn(`  tags = { team = "` + strings.Repeat("é", 256) + `" }`), Want: `(?s)tags\["team"\] UTF-8 character count must be between 1 and 255, got:\s+256`},
		"tag key too long":        {Config: bareConn(`  tags = { "` + strings.Repeat("k", 129) + `" = "v" }`), Want: `(?s)tags.*must be between 1 and 128, got:\s+129`},
	})
}

// Injected 500/502 faults on the connection calls of an update and the destroy, and a create whose 408 comes after
// the emulator committed it: the connection is created once and converges.
func TestAccDLIConnection_withFaults(t *testing.T) {
	t.Parallel()
	env := acctest.NewEmulatedEnv(t, "injected faults")
	name := env.Name("acc_conn")
	env.SetFaults(emulator.Faults{ErrorRates: map[int]float64{408: 1}, Operations: []string{"CreateEnhancedConnection"}})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy: func(s *terraform.State) error {
			env.SetFaults(emulator.Faults{})
			return connDestroyed(env.Env, t)(s)
		},
		Steps: []resource.TestStep{
			{
				Config: env.Config(namedBareConn(name, `  hosts = [{ name = "db", ip = "10.0.0.1" }]`)),
				ConfigStateChecks: []statecheck.StateCheck{
					connHas(env.Env, t, nil, "db=10.0.0.1"),
					// Sent once: the 408 came after the commit.
					env.ExpectRequests("CreateEnhancedConnection", 1, 1),
					// From here on (the post-apply plans included), the connection calls fail at times.
					acctest.CheckAPI(func(context.Context) error {
						env.SetFaults(emulator.Faults{
							ErrorRates: map[int]float64{500: 0.15, 502: 0.1},
							Operations: []string{"ShowEnhancedConnection", "UpdateEnhancedConnection", "DeleteEnhancedConnection",
								"ListEnhancedConnections"},
						})
						return nil
					}),
				},
			},
			{
				Config:            env.Config(namedBareConn(name, `  hosts = [{ name = "db", ip = "10.0.0.2" }]`)),
				ConfigPlanChecks:  acctest.ExpectAction(connAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{connHas(env.Env, t, nil, "db=10.0.0.2")},
			},
		},
	})
}

// A create whose wait times out leaves the connection in state, tainted, not orphaned in the
// cloud: the next apply replaces it (its delete first waits for the peering to settle).
func TestAccDLIConnection_createTimeoutTaints(t *testing.T) {
	t.Parallel()
	// A 20ms timeout is tuned to the emulator's fast clock; on a real account it could even
	// cancel the create request after DLI took it, leaving a connection outside the state.
	env := acctest.NewEmulatedEnv(t, "a create timeout tuned to the emulated clock")
	q1 := env.Name("acc_cq1")
	body := `
  name   = "` + env.Name("acc_slow") + `"
  queues = [huaweidata_dli_queue.q1.name]`
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             connDestroyed(env.Env, t),
		Steps: []resource.TestStep{
			{
				// Activation takes 120 emulated seconds, 0.2 real seconds: 20ms is too short.
				Config:      env.Config(connConfig(env.Env, body+"\n  timeouts {\n    create = \"20ms\"\n  }")),
				ExpectError: regexp.MustCompile(`(?s)timed\s+out\s+waiting\s+for\s+enhanced\s+connection.*to\s+be\s+ACTIVE\s+on\s+queues\s+\[` + q1 + `\];\s+last\s+state:\s+(` + q1 + `:\s+CREATING|not\s+visible\s+yet)`),
			},
			{
				Config:            env.Config(connConfig(env.Env, body)),
				ConfigPlanChecks:  acctest.ExpectAction(connAddr, plancheck.ResourceActionDestroyBeforeCreate),
				ConfigStateChecks: []statecheck.StateCheck{connHas(env.Env, t, []string{q1})},
			},
		},
	})
}
