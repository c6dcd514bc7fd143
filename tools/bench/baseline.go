package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// terraformDataInstanceBytes is what one `terraform_data` instance of the baseline takes in
// a state file besides its input, which it holds twice (input and output): measured with
// Terraform 1.11 at a few hundred instances.
const terraformDataInstanceBytes = 444

// aloneRun is Terraform's own cost of an apply and a destroy, measured without any provider.
type aloneRun struct {
	apply, destroy time.Duration
	stateBytes     int64 // of the baseline's state after its apply
}

// stateSize is the size of the state file in dir and the number of managed resource
// instances in it.
func stateSize(dir string) (bytes int64, instances int, err error) {
	raw, err := os.ReadFile(filepath.Join(dir, "terraform.tfstate"))
	if err != nil {
		return 0, 0, err
	}
	var st struct {
		Resources []struct {
			Mode      string            `json:"mode"`
			Instances []json.RawMessage `json:"instances"`
		} `json:"resources"`
	}
	if err := json.Unmarshal(raw, &st); err != nil {
		return 0, 0, err
	}
	for _, r := range st.Resources {
		if r.Mode == "managed" {
			instances += len(r.Instances)
		}
	}
	return int64(len(raw)), instances, nil
}

// terraformAlone applies and destroys instances built-in terraform_data resources whose
// state file is about stateBytes, as large as the scenario's: no provider is started and no
// API called. Terraform's local backend writes the whole state file after every resource
// it applies or destroys, so this part of an apply or a destroy grows with N × the state's
// size; the plan -refresh=false floor does not include it.
func (b *bench) terraformAlone(instances int, stateBytes int64) (*aloneRun, error) {
	if instances == 0 {
		return nil, nil
	}
	dir, err := os.MkdirTemp(b.tmp, "terraform-alone")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	pad := max(0, int(stateBytes/int64(instances)-terraformDataInstanceBytes)/2)
	body := fmt.Sprintf(`resource "terraform_data" "r" {
  count = %d
  input = "${count.index}-%s"
}
`, instances, strings.Repeat("x", pad))
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(body), 0o644); err != nil {
		return nil, err
	}
	par := "-parallelism=" + strconv.Itoa(b.o.parallelism)
	run := &aloneRun{}
	if run.apply, err = b.timed(dir, "apply", "-auto-approve", par); err != nil {
		return nil, err
	}
	if run.stateBytes, _, err = stateSize(dir); err != nil {
		return nil, err
	}
	if run.destroy, err = b.timed(dir, "destroy", "-auto-approve", par); err != nil {
		return nil, err
	}
	return run, nil
}

// timed runs one Terraform command in dir and returns its wall time.
func (b *bench) timed(dir string, args ...string) (time.Duration, error) {
	cmd := exec.Command("terraform", append(args, "-no-color")...)
	cmd.Dir, cmd.Env = dir, b.env
	start := time.Now()
	out, err := cmd.CombinedOutput()
	if err != nil {
		return 0, fmt.Errorf("terraform %s: %w\n%s", strings.Join(args, " "), err, out)
	}
	return time.Since(start), nil
}
