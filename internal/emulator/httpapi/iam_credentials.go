package httpapi

import (
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator/store"
)

// Temporary credentials: the ECS/CCE metadata service hands out those of the instance's
// agency (GET /openstack/latest/securitykey, unauthenticated, as on the link-local
// address), and IAM exchanges a caller's credentials for those of an agency
// (CreateTemporaryAccessKeyByAgency). Both are temporary AK/SK pairs with a security token
// that the signature check accepts, with the X-Security-Token header, until they expire
// on the emulated clock; after that it answers 401 APIGW.0307. Every request with a good
// signature is counted by the access key that signed it (RequestsBySigner).

// Lifetimes and limits of temporary credentials.
const (
	metadataCredentialLife  = 24 * time.Hour   // what the ECS metadata service hands out
	metadataCredentialRenew = 10 * time.Minute // it hands out new ones when less is left
	agencyDurationMin       = 15 * time.Minute // CreateTemporaryAccessKeyByAgency duration_seconds
	agencyDurationMax       = 24 * time.Hour
	agencyDurationDefault   = 15 * time.Minute
	credentialTimeFormat    = "2006-01-02T15:04:05.000000Z"
	metadataSecurityKeyPath = "/openstack/latest/securitykey"
	metadataOperation       = "ECSMetadataSecurityKey" // its name in the request counts
	metadataTokenPath       = "/meta-data/latest/api/token"
	metadataTokenOperation  = "ECSMetadataToken"
	metadataTokenMaxTTL     = 6 * time.Hour
	permanentOrigin         = "permanent"
	metadataOrigin          = "ecs-metadata"
)

// credentialState is the emulator's temporary credentials and the signer accounting.
type credentialState struct {
	issued *store.TemporaryCredentials

	mu       sync.Mutex
	metadata store.TemporaryCredential // the instance's current ones
	sessions map[string]time.Time      // metadata session token -> expiry (emulated clock)
	signers  map[string]int            // access key -> requests with a good signature
}

func newCredentialState() *credentialState {
	return &credentialState{issued: store.NewTemporaryCredentials(), sessions: map[string]time.Time{}, signers: map[string]int{}}
}

// SignerCount is how many requests one access key signed, and what the key is.
type SignerCount struct {
	Origin   string `json:"origin"` // "permanent", "ecs-metadata" or "agency:<name>"
	Requests int    `json:"requests"`
}

// RequestsBySigner returns, per access key, how many API requests it signed (with a good
// signature) since the emulator started or its counts were last reset.
func (e *Server) RequestsBySigner() map[string]SignerCount {
	cs := e.creds
	cs.mu.Lock()
	defer cs.mu.Unlock()
	out := make(map[string]SignerCount, len(cs.signers))
	for ak, n := range cs.signers {
		origin := permanentOrigin
		if tc, ok := cs.issued.Lookup(ak); ok {
			origin = tc.Origin
		}
		out[ak] = SignerCount{Origin: origin, Requests: n}
	}
	return out
}

func (cs *credentialState) countSigner(access string) {
	cs.mu.Lock()
	cs.signers[access]++
	cs.mu.Unlock()
}

func (cs *credentialState) resetSigners() {
	cs.mu.Lock()
	cs.signers = map[string]int{}
	cs.mu.Unlock()
}

// signingSecret is the secret key of an access key: the emulator's own, or that of
// temporary credentials presented with their security token before they expire.
func (e *Server) signingSecret(r *http.Request, access string) (string, *apiError) {
	if access == e.ak {
		return e.sk, nil
	}
	tc, ok := e.creds.issued.Lookup(access)
	if !ok {
		return "", authError("the access key does not exist.")
	}
	switch token := strings.TrimSpace(r.Header.Get(headerSecToken)); {
	case token == "":
		return "", authError("X-Security-Token header is missing: temporary access keys are used with their security token.")
	case token != tc.SecurityToken:
		return "", authError("the security token does not belong to the access key.")
	}
	if !e.clock.Now().Before(tc.Expires) {
		return "", newError(http.StatusUnauthorized, "APIGW.0307", "The token must be updated.")
	}
	return tc.Secret, nil
}

// credentialBody is the credential object of both answers.
type credentialBody struct {
	Access        string `json:"access"`
	Secret        string `json:"secret"`
	SecurityToken string `json:"securitytoken"`
	ExpiresAt     string `json:"expires_at"`
}

func credentialJSON(tc store.TemporaryCredential) map[string]credentialBody {
	return map[string]credentialBody{"credential": {
		Access: tc.Access, Secret: tc.Secret, SecurityToken: tc.SecurityToken,
		ExpiresAt: tc.Expires.UTC().Format(credentialTimeFormat),
	}}
}

// serveMetadataToken answers PUT /meta-data/latest/api/token, the metadata service's token
// mode: a session token valid for X-Metadata-Token-Ttl-Seconds (1 to 21600), as text.
func (e *Server) serveMetadataToken(w http.ResponseWriter, r *http.Request) {
	e.count(metadataTokenOperation)
	ttl, err := strconv.Atoi(r.Header.Get("X-Metadata-Token-Ttl-Seconds"))
	if err != nil || ttl < 1 || time.Duration(ttl)*time.Second > metadataTokenMaxTTL {
		http.Error(w, "X-Metadata-Token-Ttl-Seconds must be 1 to 21600", http.StatusBadRequest)
		return
	}
	token := store.NewUUID()
	cs := e.creds
	cs.mu.Lock()
	cs.sessions[token] = e.clock.Now().Add(time.Duration(ttl) * time.Second)
	cs.mu.Unlock()
	w.Header().Set("Content-Type", "text/plain")
	_, _ = w.Write([]byte(token))
}

// serveMetadataSecurityKey answers GET /openstack/latest/securitykey: the instance's
// temporary credentials, the same ones until less than metadataCredentialRenew is left.
// Without X-Metadata-Token it answers too (the service's compatible mode); with one, the
// token must be a live session token (else 401).
func (e *Server) serveMetadataSecurityKey(w http.ResponseWriter, r *http.Request) {
	e.count(metadataOperation)
	now := e.clock.Now()
	cs := e.creds
	cs.mu.Lock()
	if token := r.Header.Get("X-Metadata-Token"); token != "" {
		if expires, ok := cs.sessions[token]; !ok || !now.Before(expires) {
			cs.mu.Unlock()
			http.Error(w, "the metadata token is invalid or expired", http.StatusUnauthorized)
			return
		}
	}
	if cs.metadata.Expires.Sub(now) < metadataCredentialRenew {
		cs.metadata = cs.issued.Issue(now, metadataCredentialLife, metadataOrigin)
	}
	tc := cs.metadata
	cs.mu.Unlock()
	writeJSON(w, http.StatusOK, credentialJSON(tc))
}

// agencyTokenRequest is the CreateTemporaryAccessKeyByAgency body.
type agencyTokenRequest struct {
	Auth *struct {
		Identity *struct {
			Methods    []string `json:"methods"`
			AssumeRole *struct {
				AgencyName      string `json:"agency_name"`
				DomainID        string `json:"domain_id"`
				DomainName      string `json:"domain_name"`
				DurationSeconds *int64 `json:"duration_seconds"`
			} `json:"assume_role"`
		} `json:"identity"`
	} `json:"auth"`
}

// iamParamError is IAM's answer to an invalid parameter (IAM.0011).
func iamParamError(format string, args ...any) result {
	return fail(newError(http.StatusBadRequest, "IAM.0011", "Request parameter "+fmt.Sprintf(format, args...)+" is invalid."))
}

// createTemporaryAccessKeyByAgency serves POST /v3.0/OS-CREDENTIAL/securitytokens with the
// assume_role method: temporary credentials of the agency, for duration_seconds (15 min to
// 24 h, default 15 min). Any agency name is accepted: the emulator models one account.
func (e *Server) createTemporaryAccessKeyByAgency(c *call) result {
	var req agencyTokenRequest
	if aerr := c.decode(&req); aerr != nil {
		return fail(newError(http.StatusBadRequest, "IAM.0011", aerr.Msg))
	}
	if req.Auth == nil || req.Auth.Identity == nil {
		return iamParamError("auth.identity")
	}
	id := req.Auth.Identity
	if len(id.Methods) != 1 || id.Methods[0] != "assume_role" {
		return iamParamError("auth.identity.methods (only [\"assume_role\"] is served)")
	}
	role := id.AssumeRole
	switch {
	case role == nil:
		return iamParamError("auth.identity.assume_role")
	case role.AgencyName == "" || len(role.AgencyName) > 64:
		return iamParamError("auth.identity.assume_role.agency_name")
	case role.DomainID == "" && role.DomainName == "":
		return iamParamError("auth.identity.assume_role.domain_id or domain_name")
	}
	life := agencyDurationDefault
	if role.DurationSeconds != nil {
		life = time.Duration(*role.DurationSeconds) * time.Second
		if life < agencyDurationMin || life > agencyDurationMax {
			return iamParamError("auth.identity.assume_role.duration_seconds (%d; 900 to 86400)", *role.DurationSeconds)
		}
	}
	tc := e.creds.issued.Issue(c.now, life, "agency:"+role.AgencyName)
	return result{Status: http.StatusCreated, Body: credentialJSON(tc)}
}

// adminSigners serves GET /_emulator/signers: RequestsBySigner, sorted by access key.
func (e *Server) adminSigners(w http.ResponseWriter, _ *http.Request) {
	signers := e.RequestsBySigner()
	keys := make([]string, 0, len(signers))
	for ak := range signers {
		keys = append(keys, ak)
	}
	sort.Strings(keys)
	out := make([]map[string]any, 0, len(keys))
	for _, ak := range keys {
		out = append(out, map[string]any{"access_key": ak, "origin": signers[ak].Origin, "requests": signers[ak].Requests})
	}
	writeJSON(w, http.StatusOK, map[string]any{"signers": out})
}
