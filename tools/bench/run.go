package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Demo credentials of the emulator (internal/emulator).
const (
	demoAccessKey = "HWDEMOACCESSKEY000001"
	demoSecretKey = "hwdemosecretkey0000000000000000000000001"
)

// bench holds the builds and the Terraform CLI configuration shared by every scenario.
type bench struct {
	o                options
	tmp              string
	emulatorBin      string
	rusageFile       string
	env              []string
	terraformVersion string
}

// phase is one Terraform command of a scenario and what it cost.
type phase struct {
	name     string
	wall     time.Duration
	calls    int
	throttle int // requests answered 429
	cpu      float64
	rssKiB   int64
}

// result is one scenario: a kind at a size, with its phases and its floor.
type result struct {
	kind      string
	n         int
	resources int
	phases    []phase
	floorWall time.Duration // terraform plan -refresh=false
	creates   int           // calls of create operations during apply
	// stateBytes is the size of the state file after the apply; alone is Terraform's own
	// apply and destroy of as many resources with a state that large (full runs only).
	stateBytes int64
	alone      *aloneRun
}

func newBench(o options) (*bench, error) {
	repo, err := filepath.Abs(o.repo)
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "huaweidata-bench")
	if err != nil {
		return nil, err
	}
	b := &bench{o: o, tmp: tmp, emulatorBin: filepath.Join(tmp, "huaweidata-emulator"), rusageFile: filepath.Join(tmp, "rusage")}
	provider := filepath.Join(tmp, "terraform-provider-huaweidata.real")
	overrides := filepath.Join(tmp, "plugins")
	steps := []struct {
		dir  string
		args []string
	}{
		{repo, []string{"build", "-trimpath", "-o", provider, "."}},
		{repo, []string{"build", "-o", b.emulatorBin, "./cmd/huaweidata-emulator"}},
		{filepath.Join(repo, "tools"), []string{"build", "-o", filepath.Join(overrides, "terraform-provider-huaweidata"), "./bench/provwrap"}},
	}
	for _, s := range steps {
		cmd := exec.Command("go", s.args...)
		cmd.Dir, cmd.Stderr = s.dir, os.Stderr
		if err := cmd.Run(); err != nil {
			b.close()
			return nil, fmt.Errorf("go %s: %w", strings.Join(s.args, " "), err)
		}
	}
	rc := filepath.Join(tmp, "terraformrc")
	if err := os.WriteFile(rc, fmt.Appendf(nil, `provider_installation {
  dev_overrides {
    "registry.terraform.io/huaweidata/huaweidata" = %q
  }
  direct {}
}
`, overrides), 0o644); err != nil {
		b.close()
		return nil, err
	}
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "HW_") && !strings.HasPrefix(kv, "TF_") {
			b.env = append(b.env, kv)
		}
	}
	b.env = append(b.env, "TF_CLI_CONFIG_FILE="+rc, "TF_IN_AUTOMATION=1", "TF_INPUT=0",
		"HW_ACCESS_KEY="+demoAccessKey, "HW_SECRET_KEY="+demoSecretKey,
		"BENCH_PROVIDER="+provider, "BENCH_RUSAGE_FILE="+b.rusageFile)
	out, _ := exec.Command("terraform", "version").Output()
	b.terraformVersion, _, _ = strings.Cut(string(out), "\n")
	return b, nil
}

func (b *bench) close() { _ = os.RemoveAll(b.tmp) }

// runScenario starts a fresh emulator, applies the configuration and measures each phase.
// full runs every phase; otherwise only apply, plan and destroy.
func (b *bench) runScenario(kind string, n int, body string, emulatorArgs []string, full bool) (*result, error) {
	emu, err := b.startEmulator(emulatorArgs)
	if err != nil {
		return nil, err
	}
	defer emu.stop()
	work := filepath.Join(b.tmp, fmt.Sprintf("%s-%d", kind, n))
	if err := os.MkdirAll(work, 0o755); err != nil {
		return nil, err
	}
	defer os.RemoveAll(work)
	if err := os.WriteFile(filepath.Join(work, "main.tf"), []byte(providerBlock(emu.url)+body), 0o644); err != nil {
		return nil, err
	}
	par := "-parallelism=" + strconv.Itoa(b.o.parallelism)
	res := &result{kind: kind, n: n, resources: resourceCount(kind, n)}
	type step struct {
		name string
		args []string
		keep bool
	}
	steps := []step{
		{"validate", []string{"validate"}, full},
		{"apply", []string{"apply", "-auto-approve", par}, true},
		{"plan", []string{"plan", "-detailed-exitcode", par}, true},
		{"floor", []string{"plan", "-refresh=false", par}, true},
		{"apply -refresh-only", []string{"apply", "-refresh-only", "-auto-approve", par}, full},
		{"destroy", []string{"destroy", "-auto-approve", par}, true},
	}
	var instances int
	for _, s := range steps {
		if !s.keep {
			continue
		}
		p, counts, err := b.measure(emu, work, s.name, s.args)
		if err != nil {
			return nil, err
		}
		switch s.name {
		case "floor":
			res.floorWall = p.wall
			continue
		case "apply":
			res.creates = createCalls(counts)
			if res.stateBytes, instances, err = stateSize(work); err != nil {
				return nil, err
			}
		}
		res.phases = append(res.phases, p)
	}
	if full {
		if res.alone, err = b.terraformAlone(instances, res.stateBytes); err != nil {
			return nil, err
		}
	}
	return res, nil
}

func (b *bench) measure(emu *emulatorProc, dir, name string, args []string) (phase, map[string]int, error) {
	if err := emu.resetCounts(); err != nil {
		return phase{}, nil, err
	}
	_ = os.Remove(b.rusageFile)
	cmd := exec.Command("terraform", append(args, "-no-color")...)
	cmd.Dir, cmd.Env = dir, b.env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		tail := out.String()
		if len(tail) > 3000 {
			tail = tail[len(tail)-3000:]
		}
		return phase{}, nil, fmt.Errorf("terraform %s: %w\n%s", strings.Join(args, " "), err, tail)
	}
	counts, total, throttled, err := emu.counts()
	if err != nil {
		return phase{}, nil, err
	}
	cpu, rss := readRusage(b.rusageFile)
	return phase{name: name, wall: wall, calls: total, throttle: throttled, cpu: cpu, rssKiB: rss}, counts, nil
}

// createCalls counts the requests of create operations, which an apply cannot avoid.
func createCalls(counts map[string]int) int {
	n := 0
	for op, c := range counts {
		if strings.HasPrefix(op, "Create") || strings.HasPrefix(op, "Submit") {
			n += c
		}
	}
	return n
}

// readRusage sums the CPU seconds and takes the peak RSS of the provider processes that
// provwrap recorded.
func readRusage(path string) (cpu float64, peakKiB int64) {
	f, err := os.Open(path)
	if err != nil {
		return 0, 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) != 2 {
			continue
		}
		c, _ := strconv.ParseFloat(fields[0], 64)
		r, _ := strconv.ParseInt(fields[1], 10, 64)
		cpu += c
		peakKiB = max(peakKiB, r)
	}
	return cpu, peakKiB
}

// emulatorProc is a running emulator.
type emulatorProc struct {
	cmd *exec.Cmd
	url string
}

func (b *bench) startEmulator(extra []string) (*emulatorProc, error) {
	addrFile := filepath.Join(b.tmp, "addr")
	_ = os.Remove(addrFile)
	args := append([]string{"-listen", "127.0.0.1:0", "-addr-file", addrFile,
		"-latency", b.o.latency.String(), "-speed", strconv.Itoa(b.o.speed)}, extra...)
	cmd := exec.Command(b.emulatorBin, args...)
	var logs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	e := &emulatorProc{cmd: cmd}
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if raw, err := os.ReadFile(addrFile); err == nil && len(raw) > 0 {
			e.url = strings.TrimSpace(string(raw))
			if resp, err := http.Get(e.url + "/_emulator/health"); err == nil {
				resp.Body.Close()
				return e, nil
			}
		}
	}
	e.stop()
	return nil, fmt.Errorf("the emulator did not start: %s", logs.String())
}

func (e *emulatorProc) stop() {
	_ = e.cmd.Process.Kill()
	_ = e.cmd.Wait()
}

func (e *emulatorProc) resetCounts() error {
	req, _ := http.NewRequest(http.MethodDelete, e.url+"/_emulator/requests", nil)
	req.Header.Set("X-Emulator-Admin", "1")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("resetting the emulator's request counts: HTTP %d", resp.StatusCode)
	}
	return nil
}

func (e *emulatorProc) counts() (map[string]int, int, int, error) {
	resp, err := http.Get(e.url + "/_emulator/requests")
	if err != nil {
		return nil, 0, 0, err
	}
	defer resp.Body.Close()
	var body struct {
		Counts    map[string]int `json:"counts"`
		Total     int            `json:"total"`
		Throttled int            `json:"throttled"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		return nil, 0, 0, errors.New("decoding the emulator's request counts: " + err.Error())
	}
	return body.Counts, body.Total, body.Throttled, nil
}
