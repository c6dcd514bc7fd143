package acctest

import (
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/go-plugin"
	"github.com/hashicorp/terraform-exec/tfexec"
	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"
)

// ProviderAddress is this provider's registry address, as a configuration's
// required_providers names it (`source = "huaweidata/huaweidata"`).
const ProviderAddress = "registry.terraform.io/huaweidata/huaweidata"

// Workdir is a Terraform working directory whose commands reach this provider, served
// in-process against the test's emulator, for tests that drive the CLI themselves (through
// tfexec) rather than through terraform-plugin-testing: e.g. to run `terraform query
// -generate-config-out` and then plan what it wrote.
type Workdir struct {
	T   *testing.T
	Dir string
	TF  *tfexec.Terraform
	// Reattach reaches the in-process providers; pass it to every command.
	Reattach tfexec.ReattachInfo
}

// NewWorkdir returns an empty working directory for the Terraform CLI of the tests
// (TF_ACC_TERRAFORM_PATH, or terraform on PATH); Terraform's output goes to the test log.
func (e *Env) NewWorkdir(t *testing.T) *Workdir {
	t.Helper()
	dir := t.TempDir()
	tf, err := tfexec.NewTerraform(dir, TerraformPath(t))
	if err != nil {
		t.Fatal(err)
	}
	tf.SetStdout(LogWriter(t))
	ours := e.ProviderFactories()["huaweidata"]
	return &Workdir{T: t, Dir: dir, TF: tf, Reattach: tfexec.ReattachInfo{
		ProviderAddress: ServeProvider(t, ProviderAddress, func() tfprotov6.ProviderServer {
			s, err := ours()
			if err != nil {
				t.Error(err)
			}
			return s
		}),
	}}
}

// TerraformPath is the Terraform CLI of the tests: TF_ACC_TERRAFORM_PATH, or terraform on
// PATH.
func TerraformPath(t *testing.T) string {
	t.Helper()
	if bin := os.Getenv("TF_ACC_TERRAFORM_PATH"); bin != "" {
		return bin
	}
	bin, err := exec.LookPath("terraform")
	if err != nil {
		t.Fatal("the Terraform CLI is not on PATH")
	}
	return bin
}

// ServeProvider serves a provider in debug mode for the test's lifetime and returns how
// Terraform reaches it.
func ServeProvider(t *testing.T, address string, factory func() tfprotov6.ProviderServer) tfexec.ReattachConfig {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	configCh := make(chan *plugin.ReattachConfig, 1)
	closed := make(chan struct{})
	go func() {
		if err := tf6server.Serve(address, factory, tf6server.WithDebug(ctx, configCh, closed),
			tf6server.WithLoggingSink(t), tf6server.WithGoPluginLogger(hclog.NewNullLogger())); err != nil {
			t.Errorf("serving %s: %v", address, err)
		}
	}()
	t.Cleanup(func() { cancel(); <-closed })
	c := <-configCh
	return tfexec.ReattachConfig{
		Protocol: string(c.Protocol), ProtocolVersion: c.ProtocolVersion, Pid: c.Pid, Test: c.Test,
		Addr: tfexec.ReattachConfigAddr{Network: c.Addr.Network(), String: c.Addr.String()},
	}
}

// Query runs `terraform query -json` with opts (the Reattach option is added) and returns
// the errors it reported.
func (w *Workdir) Query(opts ...tfexec.QueryOption) []string {
	w.T.Helper()
	messages, err := w.TF.QueryJSON(context.Background(), append(opts, tfexec.Reattach(w.Reattach))...)
	w.Must(err, "query")
	// QueryJSON keeps the command's stdout as its own: later commands must log again.
	defer w.TF.SetStdout(LogWriter(w.T))
	var problems []string
	for m := range messages {
		switch {
		case m.Err != nil:
			problems = append(problems, m.Err.Error())
		case m.Msg != nil && m.Msg.Level() == tfjson.Error:
			problems = append(problems, m.Msg.Message())
		}
	}
	return problems
}

// Write writes a file into the working directory.
func (w *Workdir) Write(name, content string) {
	w.T.Helper()
	if err := os.WriteFile(filepath.Join(w.Dir, name), []byte(content), 0o600); err != nil {
		w.T.Fatal(err)
	}
}

// Read returns a file of the working directory ("" when it is missing).
func (w *Workdir) Read(name string) string {
	data, _ := os.ReadFile(filepath.Join(w.Dir, name))
	return string(data)
}

// Must fails the test when a Terraform command failed.
func (w *Workdir) Must(err error, what string) {
	w.T.Helper()
	if err != nil {
		w.T.Fatalf("terraform %s: %v", what, err)
	}
}

// LogWriter writes what it is given (Terraform's output) to the test log, where it is
// shown when the test fails or runs with -v.
func LogWriter(t *testing.T) io.Writer { return testLog{t} }

type testLog struct{ t *testing.T }

func (l testLog) Write(p []byte) (int, error) {
	l.t.Log(string(p))
	return len(p), nil
}
