package main

import (
	"fmt"
	"strings"
	"time"
)

// report collects the results and writes them as Markdown.
type report struct {
	header    string
	results   []*result
	growth    []*result
	throttled *throttledRun
	notes     []string // kinds left out at a size, and why
}

// throttledRun is the apply against an emulator that throttles above limit requests/s.
type throttledRun struct {
	result *result
	limit  int
}

func (r *report) add(res *result) { r.results = append(r.results, res) }

// floor is the least a phase can take: Terraform's own work (plan -refresh=false) plus the
// phase's API calls at the emulator's latency, parallelism at a time.
func (res *result) floor(p phase, o options) time.Duration {
	return res.floorWall + time.Duration(p.calls)*o.latency/time.Duration(o.parallelism)
}

func (res *result) summary() string {
	parts := []string{fmt.Sprintf("%s N=%d:", res.kind, res.n)}
	for _, p := range res.phases {
		parts = append(parts, fmt.Sprintf("%s %.1fs/%d calls", p.name, p.wall.Seconds(), p.calls))
	}
	return strings.Join(parts, " ")
}

// phase is the phase of that name, or the zero phase if res has none.
func (res *result) phase(name string) phase {
	for _, p := range res.phases {
		if p.name == name {
			return p
		}
	}
	return phase{}
}

func (r *report) markdown(o options) string {
	var b strings.Builder
	b.WriteString("# Benchmarks\n\n" + r.header + "\n\n")
	b.WriteString("Floor = wall time of `terraform plan -refresh=false` on the same configuration + the phase's API calls × latency ÷ parallelism. " +
		"Calls are counted by the emulator; provider CPU (user + system) and peak RSS are measured on the provider processes Terraform starts.\n")
	for _, n := range r.notes {
		b.WriteString("\n" + n + ".\n")
	}
	sizes := map[int]bool{}
	for _, res := range r.results {
		if sizes[res.n] {
			continue
		}
		sizes[res.n] = true
		fmt.Fprintf(&b, "\n## N = %d\n\n", res.n)
		b.WriteString("| kind | phase | resources | wall s | floor s | wall ÷ floor | calls | calls/resource | provider CPU s | CPU ms/resource | peak RSS MiB |\n")
		b.WriteString("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
		for _, x := range r.results {
			if x.n != res.n {
				continue
			}
			for _, p := range x.phases {
				fl := x.floor(p, o)
				ratio := "—"
				floor := "—"
				if p.name != "validate" {
					floor = fmt.Sprintf("%.2f", fl.Seconds())
					ratio = fmt.Sprintf("%.2f", p.wall.Seconds()/fl.Seconds())
				}
				fmt.Fprintf(&b, "| %s | %s | %d | %.2f | %s | %s | %d | %.3f | %.2f | %.2f | %.0f |\n",
					x.kind, p.name, x.resources, p.wall.Seconds(), floor, ratio, p.calls,
					float64(p.calls)/float64(x.resources), p.cpu, 1000*p.cpu/float64(x.resources), float64(p.rssKiB)/1024)
			}
		}
	}
	r.writeTerraformAlone(&b, o)
	if len(r.growth) > 0 {
		b.WriteString("\n## Refresh cost as the estate grows (global variables)\n\n")
		b.WriteString("| N | plan wall s | plan calls | calls/resource | provider CPU ms/resource | peak RSS MiB (plan) | peak RSS MiB (apply) |\n|---:|---:|---:|---:|---:|---:|---:|\n")
		for _, x := range r.growth {
			p := x.phase("plan")
			a := x.phase("apply")
			fmt.Fprintf(&b, "| %d | %.2f | %d | %.4f | %.3f | %.0f | %.0f |\n", x.n, p.wall.Seconds(), p.calls,
				float64(p.calls)/float64(x.resources), 1000*p.cpu/float64(x.resources), float64(p.rssKiB)/1024, float64(a.rssKiB)/1024)
		}
	}
	if t := r.throttled; t != nil {
		a := t.result.phase("apply")
		target := 1.3 * float64(t.result.n) / float64(t.limit)
		fmt.Fprintf(&b, "\n## Throttling: %d variables against an emulator limited to %d requests/s\n\n", t.result.n, t.limit)
		b.WriteString("| apply wall s | 1.3 × N ÷ limit s | calls | answered 429 | share 429 |\n|---:|---:|---:|---:|---:|\n")
		share := 0.0
		if a.calls > 0 {
			share = float64(a.throttle) / float64(a.calls)
		}
		fmt.Fprintf(&b, "| %.2f | %.2f | %d | %d | %.1f%% |\n", a.wall.Seconds(), target, a.calls, a.throttle, 100*share)
	}
	return b.String()
}

// writeTerraformAlone is the table of applies and destroys next to the apply target
// and to what Terraform alone takes for as many resources with a state as large.
func (r *report) writeTerraformAlone(b *strings.Builder, o options) {
	var rows []*result
	for _, x := range r.results {
		if x.alone != nil {
			rows = append(rows, x)
		}
	}
	if len(rows) == 0 {
		return
	}
	b.WriteString("\n## Apply and destroy next to Terraform's own cost\n\n" +
		"Terraform's local backend writes the whole state file after every resource it applies or destroys, so besides its plan an apply costs Terraform " +
		"work that grows with N × the size of the state, which `plan -refresh=false` does not include. " +
		"*Terraform alone* is that cost measured: an apply and a destroy of as many built-in `terraform_data` resources, with a state file of about the same size, " +
		"at the same parallelism: no provider process and no API call. " +
		"*Apply target* is 1.25 × (floor + creates × latency ÷ parallelism).\n\n")
	b.WriteString("| kind | N | resources | state KiB | apply s | apply target s | Terraform alone: apply s | destroy s | Terraform alone: destroy s | Terraform alone: state KiB |\n")
	b.WriteString("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, x := range rows {
		a, d := x.phase("apply"), x.phase("destroy")
		target := 1.25 * (x.floor(a, o) + time.Duration(x.creates)*o.latency/time.Duration(o.parallelism)).Seconds()
		fmt.Fprintf(b, "| %s | %d | %d | %.0f | %.2f | %.2f | %.2f | %.2f | %.2f | %.0f |\n", x.kind, x.n, x.resources,
			float64(x.stateBytes)/1024, a.wall.Seconds(), target, x.alone.apply.Seconds(), d.wall.Seconds(), x.alone.destroy.Seconds(),
			float64(x.alone.stateBytes)/1024)
	}
}
