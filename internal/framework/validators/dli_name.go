package validators

import (
	"context"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// dliNameRule is DLI's naming rule for queues and global variables: letters, digits and
// underscores, not only digits, not starting with an underscore, at most 128 characters.
// Queues add that the name starts with a lowercase letter and is lowercase (DLI stores
// queue names in lowercase, so any other spelling would show a diff on every plan).
type dliNameRule struct {
	queue bool
}

var (
	dliNameChars   = regexp.MustCompile(`^[A-Za-z0-9_]+$`)
	allDigits      = regexp.MustCompile(`^[0-9]+$`)
	queueNameShape = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
)

// QueueName validates a DLI queue name.
func QueueName() validator.String { return dliNameRule{queue: true} }

// VariableName validates a DLI global variable name.
func VariableName() validator.String { return dliNameRule{} }

func (r dliNameRule) Description(context.Context) string {
	if r.queue {
		return "1 to 128 characters: lowercase letters, digits and underscores, starting with a letter"
	}
	return "1 to 128 characters: letters, digits and underscores, not only digits, not starting with an underscore"
}

func (r dliNameRule) MarkdownDescription(ctx context.Context) string { return r.Description(ctx) }

func (r dliNameRule) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if unset(req) {
		return
	}
	name := req.ConfigValue.ValueString()
	var problem string
	switch {
	case len(name) == 0 || len(name) > 128:
		problem = fmt.Sprintf("is %d characters long", len(name))
	case !dliNameChars.MatchString(name):
		problem = "contains a character other than a letter, digit or underscore"
	case name[0] == '_':
		problem = "starts with an underscore"
	case allDigits.MatchString(name):
		problem = "consists only of digits"
	case r.queue && !queueNameShape.MatchString(name):
		problem = "does not start with a lowercase letter or contains uppercase letters"
	}
	if problem != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid name",
			fmt.Sprintf("%s %q %s; it must be %s.", req.Path, name, problem, r.Description(ctx)))
	}
}
