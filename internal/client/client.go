// Package client is the one API client of the provider: signing, retries, adaptive rate
// control, errors, consistency handling, waiters and cached list reads for DLI, DataArts
// Studio and IAM.
package client

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"
)

// Client calls the Huawei Cloud APIs. It is safe for concurrent use.
type Client struct {
	cfg      Config
	http     *http.Client
	limiter  *rateController             // the optional hard cap (rate_limit) across every call
	adaptive map[Service]*rateController // per API family: full speed until it throttles

	// The shared listings of the collections that can only be read by listing.
	queues     *listCache[model.Queue]          // one key: ""
	databases  *listCache[model.Database]       // one key: ""
	globalVars *listCache[model.GlobalVariable] // one key: ""
	tables     *listCache[model.Table]          // keyed by lowercased database name
	// issue 14: queue scaling plans and quotas
	queuePlans *listCache[model.QueuePlan] // keyed by lowercased queue name
	quotas     *listCache[model.QuotaInfo] // one key: ""
	grants     *listCache[Grant]           // permissions: keyed by the lowercased object whose user list it is
	authInfos  *listCache[AuthInfo]        // datasource auth (issue 17); one key: ""
	// issue 16: SQL job templates (the list has no paging and there is no GET by id)
	sqlTemplates *listCache[model.SqlJobTemplate] // one key: ""
	// Elastic resource pools (issue 14).
	pools      *listCache[model.ElasticResourcePool]      // one key: ""
	poolQueues *listCache[model.ElasticResourcePoolQueue] // keyed by pool name
	// flinkTemplates is the Flink job template listing (dli_flink_template); one key: "".
	flinkTemplates *listCache[model.FlinkSqlJobTemplate]

	writes writeLog // when this process last wrote each object (consistency window)

	projectMu sync.Mutex
	projectID string

	creds *credentialChain // found on first use (credentials.go)
}

// New builds a client. It makes no network call.
func New(cfg Config) (*Client, error) {
	cfg = cfg.withDefaults()
	for s, u := range cfg.Endpoints {
		if u == "" {
			continue
		}
		parsed, err := url.Parse(u)
		if err != nil || (parsed.Scheme != "http" && parsed.Scheme != "https") || parsed.Host == "" {
			return nil, fmt.Errorf("endpoint for %s: %q is not an http(s) URL", s, u)
		}
	}
	hc := cfg.HTTPClient
	if hc == nil {
		base, ok := http.DefaultTransport.(*http.Transport)
		if !ok {
			return nil, fmt.Errorf("http.DefaultTransport is a %T, not an *http.Transport: set Config.HTTPClient", http.DefaultTransport)
		}
		transport := base.Clone()
		transport.TLSClientConfig = &tls.Config{InsecureSkipVerify: cfg.Insecure} //nolint:gosec // user opt-in
		hc = &http.Client{Transport: transport, Timeout: 2 * time.Minute}
	}
	c := &Client{
		cfg:     cfg,
		http:    hc,
		limiter: newRateController(realClock{}, cfg.RateLimit, false),
		adaptive: map[Service]*rateController{
			ServiceDLI:      newRateController(realClock{}, 0, true),
			ServiceDataArts: newRateController(realClock{}, 0, true),
			ServiceIAM:      newRateController(realClock{}, 0, true),
		},
		queues:     newListCache[model.Queue](cfg.ListCacheTTL),
		databases:  newListCache[model.Database](cfg.ListCacheTTL),
		globalVars: newListCache[model.GlobalVariable](cfg.ListCacheTTL),
		tables:     newListCache[model.Table](cfg.ListCacheTTL),
		queuePlans: newListCache[model.QueuePlan](cfg.ListCacheTTL), // issue 14
		quotas:     newListCache[model.QuotaInfo](cfg.ListCacheTTL), // issue 14
		grants:     newListCache[Grant](cfg.ListCacheTTL),           // permissions
		authInfos:  newListCache[AuthInfo](cfg.ListCacheTTL),        // datasource auth (issue 17)
		// issue 16
		sqlTemplates: newListCache[model.SqlJobTemplate](cfg.ListCacheTTL),
		// issue 14
		pools:      newListCache[model.ElasticResourcePool](cfg.ListCacheTTL),
		poolQueues: newListCache[model.ElasticResourcePoolQueue](cfg.ListCacheTTL),
		projectID:  cfg.ProjectID,

		// dli_flink_template (issue 16 part B)
		flinkTemplates: newListCache[model.FlinkSqlJobTemplate](cfg.ListCacheTTL),
	}
	c.creds = newCredentialChain(c)
	return c, nil
}

// Request describes one API call.
type Request struct {
	Service   Service
	Operation string // the SDK's name for the call, used in errors and logs
	Method    string
	Path      string // may contain {project_id}
	Query     url.Values
	Body      any               // marshalled to JSON; nil for none
	Header    map[string]string // extra headers (e.g. DataArts workspace)

	// Reconcile, when set, makes a call safe to retry after an attempt whose outcome is
	// unknown (408, 5xx, connection error, or a malformed 2xx): before anything is sent
	// again, it looks the object up. It returns true if that attempt took effect (the call
	// then succeeds without sending again), false if it certainly did not (the request is
	// sent again), or an IsNotFound error when the object is not visible (yet): that is
	// polled with backoff within the consistency window, counted from the first attempt
	// whose outcome was unknown, since a new object may become visible late; only then is
	// the request sent again. Any other error stops the call. When the retries run out
	// after an unknown outcome, it is asked once more, so a create that did take effect is
	// never reported as failed (and orphaned).
	Reconcile func(ctx context.Context) (bool, error)

	// Adopt, when set, is called when a request sent again after an unknown outcome is
	// answered "already exists" (IsAlreadyExists): most likely the earlier attempt created
	// the object. It reads the object (a not-found is polled within the consistency window)
	// and returns nil when its identifying settings match the request (the call succeeds:
	// the object is adopted), or an *ExistsMismatchError when they do not. An "already
	// exists" answer to a first attempt, or to a call without Adopt, is returned as is.
	Adopt func(ctx context.Context) error

	// InProgress, when set, recognises the refusal of a request sent again after an unknown
	// outcome that says the earlier attempt's work is under way (a repeated queue scale is
	// refused while the queue scales): the call then succeeds, and the caller's wait sees
	// the work through.
	InProgress func(err error) bool

	signWith       *Credentials // sign with these instead of the chain's (the assume_role exchange)
	secretResponse bool         // the answer carries secrets: never quote its body
}

// Do sends the request, retrying as configured, and decodes a successful response into out
// (when out is not nil). Decoding is strict: an answer that is empty, null, {}, not JSON, or
// that fails out's validate method is a *MalformedResponseError, retried like a 5xx and
// never a not-found. With a nil out the answer may be empty (an is_success=false envelope
// is still an error).
func (c *Client) Do(ctx context.Context, req Request, out any) error {
	creds, err := c.signingCredentials(ctx, req)
	if err != nil {
		return err
	}
	path := req.Path
	if strings.Contains(path, "{project_id}") {
		pid, err := c.ProjectID(ctx)
		if err != nil {
			return err
		}
		path = strings.ReplaceAll(path, "{project_id}", pid)
	}
	var body []byte
	if req.Body != nil {
		var err error
		if body, err = json.Marshal(req.Body); err != nil {
			return fmt.Errorf("%s: encoding request body: %w", req.Operation, err)
		}
	}

	var unknownSince time.Time // when the first attempt whose outcome is unknown was sent
	renewed := false           // expired credentials were replaced once already
	for attempt := 0; ; attempt++ {
		sentAt := time.Now()
		resp, err := c.attempt(ctx, req, path, body, creds)
		if expiredCredentials(err) && !renewed && req.signWith == nil {
			// Temporary credentials expired early (clock skew, revoked): find them again
			// once and resend; the refused request did nothing.
			renewed = true
			fresh, ok, rerr := c.creds.renewAfter(ctx, creds)
			if rerr != nil {
				return fmt.Errorf("%w; finding new credentials: %w", err, rerr)
			}
			if ok {
				creds = fresh
				resp, err = c.attempt(ctx, req, path, body, creds)
			}
		}
		if err == nil {
			if err = decodeSuccess(req, path, resp, out); err == nil {
				return nil
			}
		}
		if req.Adopt != nil && !unknownSince.IsZero() && IsAlreadyExists(err) {
			return c.adopt(ctx, req, err)
		}
		if req.InProgress != nil && !unknownSince.IsZero() && req.InProgress(err) {
			tflog.Debug(ctx, "an earlier attempt's work is under way", map[string]any{"operation": req.Operation})
			return nil
		}
		unknown := outcomeUnknown(err)
		if unknown && unknownSince.IsZero() {
			unknownSince = sentAt
		}
		retry, delay := c.retryable(err, attempt)
		if !retry || attempt >= c.cfg.MaxRetries || ctx.Err() != nil {
			if unknown && req.Reconcile != nil && ctx.Err() == nil {
				// Out of retries: whether the object exists decides between success and an
				// error, so that a create that took effect is not left behind unknown.
				done, rerr := c.reconcile(ctx, req, unknownSince)
				if mismatch := (*ExistsMismatchError)(nil); errors.As(rerr, &mismatch) {
					return rerr
				}
				if rerr == nil && done {
					tflog.Debug(ctx, "an earlier attempt took effect", map[string]any{"operation": req.Operation})
					return nil
				}
			}
			return err
		}
		tflog.Debug(ctx, "retrying API call", map[string]any{
			"operation": req.Operation, "attempt": attempt + 1, "delay": delay.String(), "error": err.Error(),
		})
		if sleep(ctx, delay) != nil {
			return fmt.Errorf("%w (not retried: %w)", err, ctx.Err())
		}
		if req.Reconcile != nil && unknown {
			done, rerr := c.reconcile(ctx, req, unknownSince)
			if mismatch := (*ExistsMismatchError)(nil); errors.As(rerr, &mismatch) {
				return rerr // the name is taken by another object: this create cannot succeed
			}
			if rerr != nil {
				// Sending again could create a duplicate; let the user re-run instead.
				return fmt.Errorf("%w (could not check whether it took effect, so it was not sent again: %w)", err, rerr)
			}
			if done {
				tflog.Debug(ctx, "earlier attempt took effect; not sending again", map[string]any{"operation": req.Operation})
				return nil
			}
		}
	}
}

// reconcile asks req.Reconcile whether an attempt whose outcome is unknown took effect,
// polling a not-found within the consistency window that began when it was sent.
func (c *Client) reconcile(ctx context.Context, req Request, since time.Time) (bool, error) {
	var done bool
	err := c.AwaitVisible(ctx, since, func(ctx context.Context) error {
		var err error
		done, err = req.Reconcile(ctx)
		return err
	})
	switch {
	case IsNotFound(err):
		return false, nil // still not there after the window: it did not take effect
	case err != nil:
		return false, err
	}
	return done, nil
}

// adopt handles an "already exists" answer to a request sent again after an unknown
// outcome: the object is adopted if it matches the request.
func (c *Client) adopt(ctx context.Context, req Request, exists error) error {
	err := c.AwaitVisible(ctx, time.Now(), req.Adopt)
	switch {
	case err == nil:
		tflog.Debug(ctx, "adopted the object an earlier attempt created", map[string]any{"operation": req.Operation})
		return nil
	case IsNotFound(err):
		// Only exists is wrapped: err is a not-found, and wrapping it too would make
		// IsNotFound true for this failed create.
		return fmt.Errorf("%w; an earlier attempt's outcome was unknown, but the object cannot be read to adopt it: %v", exists, err) //nolint:errorlint // err is a not-found: wrapping it would make IsNotFound(result) true
	}
	return err
}

// response is a completed HTTP exchange with a 2xx status.
type response struct {
	status    int
	requestID string
	body      []byte
}

// attemptError wraps one failed attempt with what the retry policy needs to know.
type attemptError struct {
	err        error
	status     int // 0 for transport errors
	retryAfter time.Duration
	malformed  bool // a 2xx whose body cannot be used
}

func (e *attemptError) Error() string { return e.err.Error() }
func (e *attemptError) Unwrap() error { return e.err }

func (c *Client) attempt(ctx context.Context, req Request, path string, body []byte, creds Credentials) (*response, error) {
	adaptive := c.adaptiveFor(req.Service)
	_, err := adaptive.wait(ctx)
	var sentAt time.Time
	if err == nil {
		sentAt, err = c.limiter.wait(ctx) // after the adaptive wait: the later of the two
	}
	if err != nil {
		// Nothing was sent: not retried, and not an unknown outcome. The limiter refuses a
		// wait that would pass the deadline before the deadline is reached.
		return nil, fmt.Errorf("%s: %w", req.Operation, err)
	}
	httpReq, err := c.signedRequest(ctx, req, path, body, creds)
	if err != nil {
		return nil, fmt.Errorf("%s: building request: %w", req.Operation, err)
	}
	httpResp, err := c.http.Do(httpReq)
	if err != nil {
		return nil, &attemptError{err: fmt.Errorf("%s (%s %s): %w", req.Operation, req.Method, path, err)}
	}
	defer httpResp.Body.Close()
	retryAfter := parseRetryAfter(httpResp.Header.Get("Retry-After"))
	adaptive.observe(sentAt, throttled(httpResp.StatusCode, retryAfter))
	respBody, err := io.ReadAll(io.LimitReader(httpResp.Body, 64<<20))
	if err != nil {
		return nil, &attemptError{err: fmt.Errorf("%s (%s %s): reading response: %w", req.Operation, req.Method, path, err)}
	}
	requestID := httpResp.Header.Get("X-Request-Id")
	tflog.Debug(ctx, "API call", map[string]any{
		"operation": req.Operation, "method": req.Method, "path": path,
		"status": httpResp.StatusCode, "request_id": requestID,
	})
	if httpResp.StatusCode >= 200 && httpResp.StatusCode < 300 {
		return &response{status: httpResp.StatusCode, requestID: requestID, body: respBody}, nil
	}
	code, msg := parseErrorBody(respBody)
	var apiErr error = &APIError{
		Operation: req.Operation, Method: req.Method, Path: path, StatusCode: httpResp.StatusCode,
		Code: code, Message: msg, RequestID: requestID,
	}
	if httpResp.StatusCode == http.StatusUnauthorized && creds.Source != "" {
		// Say which link of the credentials chain to look at.
		apiErr = fmt.Errorf("%w (signed with the credentials from the %s)", apiErr, creds.Source)
	}
	return nil, &attemptError{
		err:        apiErr,
		status:     httpResp.StatusCode,
		retryAfter: retryAfter,
	}
}

func decodeSuccess(req Request, path string, resp *response, out any) error {
	if failed, msg := checkEnvelope(resp.body); failed {
		code, _ := parseErrorBody(resp.body)
		return &APIError{
			Operation: req.Operation, Method: req.Method, Path: path, StatusCode: resp.status,
			Code: code, Message: "is_success=false: " + msg, RequestID: resp.requestID,
		}
	}
	if out == nil || resp.status == http.StatusNoContent {
		return nil // the caller needs nothing from the body, or the service said it has none
	}
	if reason := decodeStrict(resp.body, out); reason != nil {
		return &attemptError{
			err: &MalformedResponseError{
				Operation: req.Operation, Method: req.Method, Path: path, StatusCode: resp.status,
				RequestID: resp.requestID, Reason: reason.Error(), Body: quotable(req, resp.body),
			},
			status:    resp.status,
			malformed: true,
		}
	}
	return nil
}

// quotable is the excerpt of an answer's body an error may quote: none when it carries secrets.
func quotable(req Request, body []byte) string {
	if req.secretResponse {
		return ""
	}
	return truncate(strings.TrimSpace(string(body)), 200)
}

// signingCredentials are the credentials to sign req with.
func (c *Client) signingCredentials(ctx context.Context, req Request) (Credentials, error) {
	if req.signWith != nil {
		return *req.signWith, nil
	}
	return c.creds.get(ctx)
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return fmt.Errorf("wait: %w", ctx.Err())
	case <-t.C:
		return nil
	}
}

// tookEffect adapts a lookup for Request.Reconcile: a lookup that finds the object (nil)
// means the attempt took effect; its errors, a not-found included, are passed on.
func tookEffect(lookup func(context.Context) error) func(context.Context) (bool, error) {
	return func(ctx context.Context) (bool, error) {
		err := lookup(ctx)
		return err == nil, err
	}
}

// adaptiveFor is the adaptive rate controller of an API family.
func (c *Client) adaptiveFor(s Service) *rateController {
	if r, ok := c.adaptive[s]; ok {
		return r
	}
	return c.adaptive[ServiceDLI]
}
