package acctest

import (
	"context"
	"strings"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// Leftover is one object found by its name prefix.
type Leftover struct {
	Kind string // e.g. "global_variable"
	Name string
}

func (l Leftover) String() string { return l.Kind + " " + l.Name }

// Leftovers lists the objects whose name starts with prefix.
func Leftovers(ctx context.Context, c *client.Client, prefix string) ([]Leftover, error) {
	var out []Leftover
	vars, err := c.ListGlobalVariables(ctx)
	if err != nil {
		return nil, err
	}
	for _, v := range vars {
		if strings.HasPrefix(ptr.Deref(v.VarName), prefix) {
			out = append(out, Leftover{Kind: "global_variable", Name: ptr.Deref(v.VarName)})
		}
	}
	return out, nil
}
