package acctest

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
)

// PlanWarnings records the warning diagnostics the provider returns when it plans a resource
// change, which Terraform prints but the plan JSON that plan checks see does not carry.
type PlanWarnings struct {
	mu       sync.Mutex
	warnings []string // "summary: detail", since the last check
}

// ProviderFactoriesRecordingWarnings is ProviderFactories with every planned change's
// warnings recorded in the returned PlanWarnings.
func (e *Env) ProviderFactoriesRecordingWarnings() (map[string]func() (tfprotov6.ProviderServer, error), *PlanWarnings) {
	w := &PlanWarnings{}
	factories := e.ProviderFactories()
	for name, factory := range factories {
		factories[name] = func() (tfprotov6.ProviderServer, error) {
			server, err := factory()
			return warningRecorder{ProviderServer: server, into: w}, err
		}
	}
	return factories, w
}

// warningRecorder is a provider server that records the warnings of PlanResourceChange.
type warningRecorder struct {
	tfprotov6.ProviderServer
	into *PlanWarnings
}

func (r warningRecorder) PlanResourceChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	resp, err := r.ProviderServer.PlanResourceChange(ctx, req)
	if resp != nil {
		r.into.mu.Lock()
		for _, d := range resp.Diagnostics {
			if d.Severity == tfprotov6.DiagnosticSeverityWarning {
				r.into.warnings = append(r.into.warnings, d.Summary+": "+d.Detail)
			}
		}
		r.into.mu.Unlock()
	}
	return resp, err
}

// Forget forgets the warnings recorded so far, e.g. those of the previous step's apply (which
// plans again): use it as a step's PreConfig.
func (w *PlanWarnings) Forget() {
	w.mu.Lock()
	w.warnings = nil
	w.mu.Unlock()
}

// Expect is a plan check that a warning matching pattern was planned since the previous
// check of w (which it then forgets), or, with want false, that none was.
func (w *PlanWarnings) Expect(pattern string, want bool) plancheck.PlanCheck {
	return planWarningCheck{w: w, re: regexp.MustCompile(pattern), want: want}
}

type planWarningCheck struct {
	w    *PlanWarnings
	re   *regexp.Regexp
	want bool
}

func (c planWarningCheck) CheckPlan(_ context.Context, _ plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	c.w.mu.Lock()
	seen := c.w.warnings
	c.w.warnings = nil
	c.w.mu.Unlock()
	found := false
	for _, s := range seen {
		found = found || c.re.MatchString(s)
	}
	switch {
	case c.want && !found:
		resp.Error = fmt.Errorf("no planned warning matches %q; the warnings were: %s", c.re, strings.Join(seen, " | "))
	case !c.want && found:
		resp.Error = fmt.Errorf("a planned warning matches %q: %s", c.re, strings.Join(seen, " | "))
	}
}
