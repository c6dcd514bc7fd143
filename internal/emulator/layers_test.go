package emulator_test

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/huaweidata/terraform-provider-huaweidata/"

// Imports point down only (README.md, "Layout"): emulator → httpapi → store, sparksql,
// fixtures; store → sparksql; sparksql and fixtures import nothing of the emulator; store
// knows nothing of HTTP; nothing imports the provider's client.
func TestLayersImportDownOnly(t *testing.T) {
	allowed := map[string][]string{
		".":        {"internal/emulator/httpapi"},
		"httpapi":  {"internal/emulator/store", "internal/emulator/sparksql", "internal/emulator/fixtures"},
		"store":    {"internal/emulator/sparksql"},
		"sparksql": {},
		"fixtures": {},
	}
	forbiddenStd := map[string][]string{"store": {"net/http"}, "sparksql": {"net/http"}, "fixtures": {"net/http"}}
	for dir, ok := range allowed {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		if len(files) == 0 {
			t.Fatalf("no Go files in %s", dir)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			af, err := parser.ParseFile(token.NewFileSet(), f, src, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range af.Imports {
				path, _ := strconv.Unquote(imp.Path.Value)
				for _, bad := range forbiddenStd[dir] {
					if path == bad {
						t.Errorf("%s imports %s", f, path)
					}
				}
				if !strings.HasPrefix(path, module) {
					continue
				}
				rel := strings.TrimPrefix(path, module)
				found := false
				for _, a := range ok {
					found = found || rel == a
				}
				if !found {
					t.Errorf("%s imports %s: not allowed for %s", f, rel, dir)
				}
			}
		}
	}
}
