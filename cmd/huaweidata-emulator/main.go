// Command huaweidata-emulator runs the local Huawei Cloud DLI/IAM emulator
// used to develop and test the huaweidata Terraform provider.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "huaweidata-emulator:", err)
		os.Exit(1)
	}
}

func run() error {
	listen := flag.String("listen", "127.0.0.1:8080", "address to listen on")
	ak := flag.String("access-key", emulator.DemoAccessKey, "accepted access key (AK)")
	sk := flag.String("secret-key", emulator.DemoSecretKey, "secret key (SK) for the access key")
	region := flag.String("region", emulator.DemoRegion, "region name")
	projectID := flag.String("project-id", emulator.DemoProjectID, "project id of the region")
	speed := flag.Float64("speed", 60, "emulated seconds per real second")
	seed := flag.Int64("seed", 1, "fault injection seed")
	faults := flag.String("faults", "", `error rates to inject, "status=probability,...", e.g. "500=0.1,503=0.05,429=0.05,408=0.02" (default none)`)
	retryAfter := flag.Int("retry-after", 1, "Retry-After seconds sent with 429 and 503")
	latency := flag.Duration("latency", 0, "latency added to every API request")
	consistency := flag.Duration("consistency-delay", 0, "how long new objects stay invisible to reads")
	rateLimit := flag.Float64("rate-limit", 0, "API requests per second per project before 429 (token bucket, burst = limit; 0 = none)")
	unpublished := flag.String("unpublished", "", `operations to answer as not published in the region (APIGW.0101), comma-separated, e.g. "ListQueueProperties"`)
	stateFile := flag.String("state-file", "", "JSON file to load state from and save it to")
	fixtures := flag.String("fixtures", "", "DataArts fixture file (JSON, see internal/emulator/README.md); default: the built-in fixture")
	addrFile := flag.String("addr-file", "", `file to write "http://host:port" to once listening`)
	verbose := flag.Bool("v", false, "log every request")
	flag.Parse()

	rates, err := parseRates(*faults)
	if err != nil {
		return err
	}
	opts := emulator.Options{
		AccessKey: *ak, SecretKey: *sk,
		Projects: map[string]string{*region: *projectID},
		Speed:    *speed, Seed: *seed, StateFile: *stateFile, DataArtsFixtures: *fixtures,
		RateLimit: *rateLimit, Unpublished: splitList(*unpublished),
		Faults: emulator.Faults{
			ErrorRates: rates, RetryAfterSeconds: *retryAfter,
			Latency: *latency, ConsistencyDelay: *consistency,
		},
	}
	if *verbose {
		opts.Logf = log.Printf
	}
	emu, err := emulator.New(opts)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		return err
	}
	if !isLoopback(ln.Addr()) {
		fmt.Fprint(os.Stderr, nonLoopbackWarning(ln.Addr().String()))
	}
	addr := "http://" + ln.Addr().String()
	if *addrFile != "" {
		if err := os.WriteFile(*addrFile, []byte(addr), 0o644); err != nil {
			return err
		}
	}
	instance, workspace := emu.DataArtsIDs()
	if instance == "" { // the fixture accepts any instance
		instance = emulator.DemoDataArtsInstanceID
	}
	if workspace == "" {
		workspace = emulator.DemoDataArtsWorkspaceID
	}
	fmt.Printf("huaweidata emulator listening on %s\n\n", addr)
	fmt.Printf(`provider "huaweidata" {
  region     = %q
  project_id = %q
  access_key = %q
  secret_key = %q
  endpoints = { dli = %q, dataarts = %q, iam = %q }
  dataarts  = { instance_id = %q, workspace_id = %q }
}
`, *region, *projectID, *ak, *sk, addr, addr, addr, instance, workspace)

	srv := &http.Server{Handler: emu, ReadHeaderTimeout: 10 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()

	sigc := make(chan os.Signal, 1)
	signal.Notify(sigc, syscall.SIGINT, syscall.SIGTERM)
	select {
	case err := <-errc:
		if !errors.Is(err, http.ErrServerClosed) {
			return err
		}
	case <-sigc:
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = srv.Shutdown(ctx)
	return emu.Close() // flushes the state file's pending changes

}

// isLoopback reports whether a listener accepts only local connections.
func isLoopback(a net.Addr) bool {
	tcp, ok := a.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}

// nonLoopbackWarning is printed when the emulator listens beyond this machine.
func nonLoopbackWarning(addr string) string {
	line := strings.Repeat("!", 78)
	return fmt.Sprintf(`%[1]s
WARNING: huaweidata-emulator is listening on %[2]s, which is NOT a loopback address.
Anyone who can reach it can read and change all emulated data with the published demo
credentials, and use the admin API (/_emulator/...): reads need no credential, and the
X-Emulator-Admin header that state-changing admin requests need stops browsers, not
other clients.
Use -listen 127.0.0.1:PORT unless you really mean to expose it.
%[1]s
`, line, addr)
}

// splitList splits a comma-separated list, dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// parseRates parses "500=0.1,503=0.05" into a status -> probability map.
func parseRates(s string) (map[int]float64, error) {
	out := map[int]float64{}
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		k, v, ok := strings.Cut(part, "=")
		code, err1 := strconv.Atoi(strings.TrimSpace(k))
		p, err2 := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if !ok || err1 != nil || err2 != nil || p < 0 || p > 1 {
			return nil, fmt.Errorf("invalid -faults entry %q (want status=probability)", part)
		}
		out[code] = p
	}
	return out, nil
}
