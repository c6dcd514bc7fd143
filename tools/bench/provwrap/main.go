// Command provwrap stands in for the provider binary during `make bench`: it runs the real
// provider (BENCH_PROVIDER) with the same arguments and standard streams, and when it exits
// appends one line "cpu_seconds peak_rss_kib" to BENCH_RUSAGE_FILE, so the benchmark can
// report the provider's own CPU time and memory per Terraform command.
package main

import (
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"syscall"
)

func main() {
	cmd := exec.Command(os.Getenv("BENCH_PROVIDER"), os.Args[1:]...) //nolint:gosec // the benchmark's own build
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(os.Stderr, "provwrap:", err)
		os.Exit(1)
	}
	sigs := make(chan os.Signal, 4)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM)
	go func() {
		for s := range sigs {
			_ = cmd.Process.Signal(s)
		}
	}()
	err := cmd.Wait()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		cpu := float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
		if f, ferr := os.OpenFile(os.Getenv("BENCH_RUSAGE_FILE"), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644); ferr == nil {
			fmt.Fprintf(f, "%.4f %d\n", cpu, ru.Maxrss)
			_ = f.Close()
		}
	}
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok { //nolint:errorlint // exit status only
			os.Exit(ee.ExitCode())
		}
		os.Exit(1)
	}
}
