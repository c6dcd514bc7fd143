package client

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// Credentials are what requests are signed with: an AK/SK pair and, for temporary
// credentials, the security token and when they expire. String never shows the secrets.
type Credentials struct {
	AccessKey     string
	SecretKey     string
	SecurityToken string
	Expires       time.Time // zero: does not expire (or the source does not say)
	Source        string    // where the chain found them, for errors and logs
}

// String describes the credentials without their secrets, so that they can never leak
// into a log or a diagnostic by accident.
func (c Credentials) String() string {
	s := "credentials(redacted"
	if c.Source != "" {
		s += ", from the " + c.Source
	}
	if !c.Expires.IsZero() {
		s += ", expire " + c.Expires.UTC().Format(time.RFC3339)
	}
	return s + ")"
}

// GoString is String, for %#v.
func (c Credentials) GoString() string { return c.String() }

func (c Credentials) empty() bool { return c.AccessKey == "" && c.SecretKey == "" }

// AssumeRole is an IAM agency to act through: the credentials the chain finds are exchanged
// for the agency's temporary credentials (IAM CreateTemporaryAccessKeyByAgency).
type AssumeRole struct {
	AgencyName string
	DomainName string        // the account (domain) that created the agency
	Duration   time.Duration // validity of the temporary credentials; 0: DefaultAssumeRoleDuration
}

// DefaultAssumeRoleDuration is how long credentials obtained through assume_role are asked
// to last when no duration is set. IAM allows 15 minutes to 24 hours.
const DefaultAssumeRoleDuration = time.Hour

// credentialsRefreshMargin is how long before temporary credentials expire they are
// replaced; credentials that live less than twice as long are replaced at half-life.
const credentialsRefreshMargin = 5 * time.Minute

// The credential sources, in the order the chain tries them. Their names appear in errors.
const (
	sourceArguments  = "provider arguments access_key/secret_key"
	sourceEnv        = "environment variables HW_ACCESS_KEY/HW_SECRET_KEY"
	sourceProfile    = "shared config file"
	sourceMetadata   = "ECS/CCE metadata"
	sourceAssumeRole = "assume_role"
)

// notApplicable is a source that has nothing to offer; the chain goes on to the next one
// and reports the reason if none has credentials.
type notApplicable struct{ reason string }

func (e *notApplicable) Error() string { return e.reason }

func skip(format string, args ...any) error {
	return &notApplicable{reason: fmt.Sprintf(format, args...)}
}

// credentialSource is one link of the chain.
type credentialSource struct {
	name     string
	retrieve func(ctx context.Context) (Credentials, *AssumeRole, error) // the agency a profile names, if any
}

// credentialChain finds the credentials on first use, once for every caller, keeps them,
// and finds them again shortly before temporary ones expire or after the API refused them
// as expired. It makes no call until a request needs credentials.
type credentialChain struct {
	c     *Client
	clock clock

	mu      sync.Mutex
	current *Credentials
	renew   bool // current can be obtained again (metadata, assume_role)
	refresh time.Time
}

func newCredentialChain(c *Client) *credentialChain {
	return &credentialChain{c: c, clock: realClock{}}
}

// get returns the credentials to sign with.
func (ch *credentialChain) get(ctx context.Context) (Credentials, error) {
	ch.mu.Lock()
	defer ch.mu.Unlock()
	if ch.current != nil && (!ch.renew || ch.clock.Now().Before(ch.refresh)) {
		return *ch.current, nil
	}
	return ch.resolve(ctx)
}

// renewAfter replaces credentials the API refused as expired, unless they were replaced
// meanwhile; it reports false when they cannot be obtained again (static credentials).
func (ch *credentialChain) renewAfter(ctx context.Context, refused Credentials) (Credentials, bool, error) {
	ch.mu.Lock()
	defer ch.mu.Unlock()
	if ch.current == nil || !ch.renew {
		return refused, false, nil
	}
	if ch.current.AccessKey != refused.AccessKey {
		return *ch.current, true, nil // another call renewed them already
	}
	creds, err := ch.resolve(ctx)
	return creds, err == nil, err
}

// resolve walks the chain; the caller holds mu.
func (ch *credentialChain) resolve(ctx context.Context) (Credentials, error) {
	cfg := ch.c.cfg
	var tried []string
	for _, src := range ch.sources() {
		creds, agency, err := src.retrieve(ctx)
		var na *notApplicable
		if errors.As(err, &na) {
			tried = append(tried, src.name+": "+na.reason)
			continue
		}
		if err != nil {
			return Credentials{}, fmt.Errorf("credentials from the %s: %w", src.name, err)
		}
		source, renew := src.name, src.name == sourceMetadata
		role := cfg.AssumeRole
		if role == nil {
			role = agency
		}
		if role != nil {
			if creds, err = ch.c.assumeRole(ctx, creds, *role); err != nil {
				return Credentials{}, fmt.Errorf("%s (agency %q of domain %q, signed with the credentials from the %s): %w",
					sourceAssumeRole, role.AgencyName, role.DomainName, src.name, err)
			}
			source, renew = sourceAssumeRole+" via the "+src.name, true
		}
		creds.Source = source
		ch.keep(creds, renew)
		tflog.Debug(ctx, "credentials found", map[string]any{"credentials": creds.String()})
		return creds, nil
	}
	return Credentials{}, fmt.Errorf("no credentials: set access_key and secret_key in the provider block, "+
		"or the HW_ACCESS_KEY and HW_SECRET_KEY environment variables, or a profile of a shared config file "+
		"(shared_config_file, profile), or run on an ECS/CCE node with an agency. Tried, in order:\n- %s",
		strings.Join(tried, "\n- "))
}

// keep stores credentials and when to replace them; the caller holds mu.
func (ch *credentialChain) keep(creds Credentials, renew bool) {
	ch.current = &creds
	ch.renew = renew && !creds.Expires.IsZero()
	if ch.renew {
		now := ch.clock.Now()
		margin := credentialsRefreshMargin
		if life := creds.Expires.Sub(now); life < 2*margin {
			margin = life / 2
		}
		ch.refresh = creds.Expires.Add(-margin)
	}
}

// sources lists the chain in order: provider arguments, environment, shared config file,
// ECS/CCE metadata.
func (ch *credentialChain) sources() []credentialSource {
	cfg := ch.c.cfg
	return []credentialSource{
		{name: sourceArguments, retrieve: func(context.Context) (Credentials, *AssumeRole, error) {
			return staticPair(Credentials{AccessKey: cfg.AccessKey, SecretKey: cfg.SecretKey, SecurityToken: cfg.SecurityToken},
				"access_key", "secret_key", ", or neither to use HW_ACCESS_KEY and HW_SECRET_KEY or the other sources")
		}},
		{name: sourceEnv, retrieve: func(context.Context) (Credentials, *AssumeRole, error) {
			return staticPair(cfg.EnvCredentials, "HW_ACCESS_KEY", "HW_SECRET_KEY", "")
		}},
		{name: sourceProfile, retrieve: func(context.Context) (Credentials, *AssumeRole, error) {
			return profileCredentials(cfg.SharedConfigFile, cfg.Profile)
		}},
		{name: sourceMetadata, retrieve: func(ctx context.Context) (Credentials, *AssumeRole, error) {
			creds, err := ch.c.metadataCredentials(ctx)
			return creds, nil, err
		}},
	}
}

// staticPair is a source of fixed credentials: not applicable when neither key is set, an
// error (ending in hint) when only one is.
func staticPair(creds Credentials, akName, skName, hint string) (Credentials, *AssumeRole, error) {
	switch {
	case creds.empty():
		return Credentials{}, nil, skip("%s and %s are not set", akName, skName)
	case creds.AccessKey == "":
		return Credentials{}, nil, fmt.Errorf("%s is set but %s is not: set both%s", skName, akName, hint)
	case creds.SecretKey == "":
		return Credentials{}, nil, fmt.Errorf("%s is set but %s is not: set both%s", akName, skName, hint)
	}
	return creds, nil, nil
}

// expiredCredentials reports whether the API refused a request because its temporary
// credentials have expired (API Gateway: HTTP 401, APIGW.0307 or a message saying so).
func expiredCredentials(err error) bool {
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 401 {
		return false
	}
	msg := strings.ToLower(apiErr.Message)
	return apiErr.Code == "APIGW.0307" || strings.Contains(msg, "expired")
}
