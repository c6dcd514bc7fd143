// Command testsummary reads the output of `go test -json` on standard input,
// prints the human-readable test output as the tests run, and finishes with a
// single summary line:
//
//	N passed, N failed, N skipped
//
// By default it prints what plain `go test` prints (one line per package, the
// full output of failing tests) plus the reason of every skipped test, so that
// nothing is skipped silently. With -v it echoes everything, like `go test -v`.
//
// It exits non-zero when any test or package failed, when the stream contains
// no test result at all, or when the exit status of `go test` (given with
// -status or read from -status-file after the end of input) is non-zero.
// Input lines that are not test2json events (build errors and the like) are
// echoed as they are.
//
// Usage (see scripts/gotest.sh):
//
//	{ go test -json ./... 2>&1; echo $? > status; } | testsummary -status-file status
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
)

// event is one line of `go test -json` (see `go doc cmd/test2json`).
type event struct {
	Action     string
	Package    string
	ImportPath string // build-output and build-fail events (Go 1.24+)
	Test       string
	Output     string
}

type key struct{ pkg, test string }

type summarizer struct {
	out     io.Writer
	verbose bool

	passed, failed, skipped int
	failedTests             []string
	failedPackages          map[string]bool
	buffered                map[key][]string
}

func newSummarizer(out io.Writer, verbose bool) *summarizer {
	return &summarizer{
		out:            out,
		verbose:        verbose,
		failedPackages: map[string]bool{},
		buffered:       map[key][]string{},
	}
}

func main() {
	status := flag.Int("status", 0, "exit status of the `go test` run that produced the stream")
	statusFile := flag.String("status-file", "", "file holding the exit status of `go test`, read after the end of input")
	verbose := flag.Bool("v", false, "echo the output of every test, like go test -v")
	allowEmpty := flag.Bool("allow-empty", false, "do not fail when the stream contains no test result")
	flag.Parse()

	s := newSummarizer(os.Stdout, *verbose)
	if err := s.read(os.Stdin); err != nil {
		fmt.Fprintf(os.Stderr, "testsummary: reading input: %v\n", err)
		os.Exit(2)
	}

	goTestStatus := *status
	if *statusFile != "" {
		b, err := os.ReadFile(*statusFile)
		if err != nil {
			fmt.Printf("testsummary: cannot read the go test exit status: %v\n", err)
			goTestStatus = 1
		} else if n, err := strconv.Atoi(strings.TrimSpace(string(b))); err != nil {
			fmt.Printf("testsummary: malformed go test exit status %q\n", strings.TrimSpace(string(b)))
			goTestStatus = 1
		} else {
			goTestStatus = n
		}
	}

	os.Exit(s.finish(goTestStatus, *allowEmpty))
}

// finish prints the failure list and the summary line and returns the exit code.
func (s *summarizer) finish(goTestStatus int, allowEmpty bool) int {
	pkgs := make([]string, 0, len(s.failedPackages))
	for p := range s.failedPackages {
		pkgs = append(pkgs, p)
	}
	sort.Strings(pkgs)

	if len(s.failedTests) > 0 || len(pkgs) > 0 {
		fmt.Fprintln(s.out)
		fmt.Fprintln(s.out, "FAILURES:")
		for _, t := range s.failedTests {
			fmt.Fprintf(s.out, "  --- FAIL: %s\n", t)
		}
		for _, p := range pkgs {
			fmt.Fprintf(s.out, "  FAIL      %s\n", p)
		}
	}

	code := 0
	switch {
	case s.failed > 0 || len(pkgs) > 0:
		code = 1
	case goTestStatus != 0:
		fmt.Fprintf(s.out, "\ngo test exited with status %d\n", goTestStatus)
		code = 1
	case s.passed+s.failed+s.skipped == 0 && !allowEmpty:
		fmt.Fprintln(s.out, "\nno test ran: the go test -json stream holds no test result")
		code = 1
	}
	fmt.Fprintln(s.out)
	fmt.Fprintf(s.out, "%d passed, %d failed, %d skipped\n", s.passed, s.failed, s.skipped)
	return code
}

func (s *summarizer) read(in io.Reader) error {
	r := bufio.NewReaderSize(in, 1<<20)
	for {
		line, err := r.ReadString('\n')
		if len(line) > 0 {
			s.handle(line)
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
	}
	// Output of tests that never reported a result (a crash or a timeout
	// killed the test binary): show it, it explains the failure.
	keys := make([]key, 0, len(s.buffered))
	for k := range s.buffered {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].pkg != keys[j].pkg {
			return keys[i].pkg < keys[j].pkg
		}
		return keys[i].test < keys[j].test
	})
	for _, k := range keys {
		s.flush(k)
	}
	return nil
}

func (s *summarizer) handle(line string) {
	trimmed := strings.TrimSpace(line)
	var ev event
	if !strings.HasPrefix(trimmed, "{") || json.Unmarshal([]byte(trimmed), &ev) != nil || ev.Action == "" {
		if !strings.HasSuffix(line, "\n") {
			line += "\n"
		}
		s.print(line)
		return
	}
	pkg := ev.Package
	if pkg == "" {
		// "example.com/pkg [example.com/pkg.test]" -> "example.com/pkg"
		pkg, _, _ = strings.Cut(ev.ImportPath, " [")
	}
	k := key{pkg, ev.Test}

	switch ev.Action {
	case "build-output":
		s.print(ev.Output)
	case "build-fail":
		s.failedPackages[pkg] = true
	case "output":
		switch {
		case s.verbose:
			s.print(ev.Output)
		case ev.Test != "":
			s.buffered[k] = append(s.buffered[k], ev.Output)
		case ev.Output == "PASS\n" || strings.HasPrefix(ev.Output, "=== "):
			// Noise that plain go test does not print for passing packages.
		default:
			s.print(ev.Output)
		}
	case "pass":
		if ev.Test != "" {
			s.passed++
			delete(s.buffered, k)
		}
	case "skip":
		if ev.Test != "" {
			s.skipped++
			s.flush(k)
		}
	case "fail":
		if ev.Test != "" {
			s.failed++
			s.failedTests = append(s.failedTests, pkg+"."+ev.Test)
			s.flush(k)
		} else {
			s.failedPackages[pkg] = true
			// Whatever is still buffered for this package explains the failure.
			for bk := range s.buffered {
				if bk.pkg == pkg {
					s.flush(bk)
				}
			}
		}
	}
}

func (s *summarizer) flush(k key) {
	for _, o := range s.buffered[k] {
		if strings.HasPrefix(o, "=== ") {
			continue
		}
		s.print(o)
	}
	delete(s.buffered, k)
}

func (s *summarizer) print(text string) {
	fmt.Fprint(s.out, text)
}
