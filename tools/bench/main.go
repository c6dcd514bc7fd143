// Command bench is `make bench`: it drives the real Terraform CLI against the emulator
// (with added latency) through validate, apply, plan, apply -refresh-only and destroy for
// configurations of every resource kind at several sizes, and writes a Markdown report of
// wall time, API calls, calls per resource, provider CPU and peak RSS, next to the floor
// (terraform plan -refresh=false plus calls × latency ÷ parallelism).
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"
)

type options struct {
	repo        string
	out         string
	sizes       []int
	kinds       []string
	varSizes    []int
	latency     time.Duration
	parallelism int
	speed       int
	rateLimit   int
	rateVars    int
}

func main() {
	var o options
	var sizes, kindList, varSizes string
	flag.StringVar(&o.repo, "repo", "..", "repository root (where the provider and emulator are built from)")
	flag.StringVar(&o.out, "out", "", "write the Markdown report to this file (default: stdout only)")
	flag.StringVar(&sizes, "sizes", "100,1000", "sizes N to run every kind at")
	flag.StringVar(&kindList, "kinds", "", "comma-separated kinds (default: all)")
	flag.StringVar(&varSizes, "variable-sizes", "100,1000,5000", "sizes for the variables growth table")
	flag.DurationVar(&o.latency, "latency", 20*time.Millisecond, "latency the emulator adds to every request")
	flag.IntVar(&o.parallelism, "parallelism", 10, "terraform -parallelism")
	flag.IntVar(&o.speed, "speed", 6000, "emulator clock speed (emulated seconds per real second)")
	flag.IntVar(&o.rateLimit, "rate-limit", 50, "emulator -rate-limit for the throttling run (0: skip it)")
	flag.IntVar(&o.rateVars, "rate-limit-variables", 500, "variables applied in the throttling run")
	flag.Parse()
	o.sizes = ints(sizes)
	o.varSizes = ints(varSizes)
	if kindList == "" {
		for k := range kinds() {
			o.kinds = append(o.kinds, k)
		}
		sort.Strings(o.kinds)
	} else {
		o.kinds = strings.Split(kindList, ",")
	}
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(o options) error {
	b, err := newBench(o)
	if err != nil {
		return err
	}
	defer b.close()
	var r report
	r.header = fmt.Sprintf("Machine: %s/%s, %d cores; %s; emulator latency %s, terraform -parallelism=%d, emulator speed %d.\n\nCommand: `make bench` (`cd tools && go run ./bench %s`), %s.",
		runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), b.terraformVersion, o.latency, o.parallelism, o.speed,
		strings.Join(os.Args[1:], " "), time.Now().UTC().Format("2006-01-02"))
	for _, n := range o.sizes {
		for _, k := range o.kinds {
			body, ok := kinds()[k]
			if !ok {
				return fmt.Errorf("unknown kind %q", k)
			}
			if limit, capped := quotaLimits[k]; capped && n > limit.max {
				note := fmt.Sprintf("%s is not run at N=%d: %s", k, n, limit.why)
				r.notes = append(r.notes, note)
				fmt.Fprintln(os.Stderr, note)
				continue
			}
			res, err := b.runScenario(k, n, body(n), nil, true)
			if err != nil {
				return fmt.Errorf("%s at N=%d: %w", k, n, err)
			}
			r.add(res)
			fmt.Fprintln(os.Stderr, res.summary())
		}
	}
	for _, n := range o.varSizes {
		res, err := b.runScenario("variables", n, variables(n), nil, false)
		if err != nil {
			return fmt.Errorf("variables at N=%d: %w", n, err)
		}
		r.growth = append(r.growth, res)
		fmt.Fprintln(os.Stderr, res.summary())
	}
	if o.rateLimit > 0 {
		res, err := b.runScenario("variables", o.rateVars, variables(o.rateVars), []string{"-rate-limit", strconv.Itoa(o.rateLimit)}, false)
		if err != nil {
			return fmt.Errorf("throttled run: %w", err)
		}
		r.throttled = &throttledRun{result: res, limit: o.rateLimit}
		fmt.Fprintln(os.Stderr, res.summary())
	}
	text := r.markdown(o)
	fmt.Print(text)
	if o.out != "" {
		return os.WriteFile(o.out, []byte(text), 0o644)
	}
	return nil
}

func ints(s string) []int {
	var out []int
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		n, err := strconv.Atoi(f)
		if err != nil {
			fmt.Fprintf(os.Stderr, "bench: %q is not a number\n", f)
			os.Exit(2)
		}
		out = append(out, n)
	}
	return out
}
