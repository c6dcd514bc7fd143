package httpapi

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"
)

// Signature scheme constants (Huawei API gateway AK/SK signing).
const (
	signAlgorithm      = "SDK-HMAC-SHA256"
	sdkDateFormat      = "20060102T150405Z"
	headerSdkDate      = "X-Sdk-Date"
	headerContentSha   = "X-Sdk-Content-Sha256"
	headerSecToken     = "X-Security-Token"
	unsignedPayload    = "UNSIGNED-PAYLOAD"
	maxClockSkew       = 15 * time.Minute
	authErrorCode      = "APIGW.0301"
	authErrorMsgPrefix = "Incorrect IAM authentication information: "
)

// userInfo identifies the caller derived from the access key.
type userInfo struct {
	AccessKey string
	UserID    string
	UserName  string
	DomainID  string
	Temporary bool // a security token was presented
}

// userFor derives a stable user identity from an access key.
func userFor(ak string) userInfo {
	sum := sha256.Sum256([]byte("user:" + ak))
	dom := sha256.Sum256([]byte("domain:" + ak))
	name := "user_" + hex.EncodeToString(sum[:4])
	if ak == DemoAccessKey {
		name = "demo_user"
	}
	return userInfo{AccessKey: ak, UserID: hex.EncodeToString(sum[:16]), UserName: name, DomainID: hex.EncodeToString(dom[:16])}
}

func authError(detail string) *apiError {
	return newError(http.StatusUnauthorized, authErrorCode, authErrorMsgPrefix+detail)
}

// authHeaders is what checkAuthHeaders learned from the request headers.
type authHeaders struct {
	access    string
	secret    string // of access: the emulator's own, or temporary credentials' (iam_credentials.go)
	date      time.Time
	signed    []string
	signature string
}

// checkAuthHeaders checks everything about the signature that the headers
// alone decide (scheme, AK, date, signed headers), so that an unsigned or
// foreign request is refused before its body is read.
func (e *Server) checkAuthHeaders(r *http.Request) (authHeaders, *apiError) {
	authz := strings.TrimSpace(r.Header.Get("Authorization"))
	if authz == "" {
		return authHeaders{}, authError("Authorization header is missing.")
	}
	alg, rest, _ := strings.Cut(authz, " ")
	if alg != signAlgorithm {
		return authHeaders{}, authError("unsupported signature algorithm; expected " + signAlgorithm + ".")
	}
	params := map[string]string{}
	for _, part := range strings.Split(rest, ",") {
		k, v, found := strings.Cut(strings.TrimSpace(part), "=")
		if found {
			params[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	access, signedList, sig := params["Access"], params["SignedHeaders"], params["Signature"]
	if access == "" || signedList == "" || sig == "" {
		return authHeaders{}, authError("Authorization header is malformed (Access, SignedHeaders and Signature are required).")
	}
	secret, aerr := e.signingSecret(r, access)
	if aerr != nil {
		return authHeaders{}, aerr
	}
	date := r.Header.Get(headerSdkDate)
	if date == "" {
		return authHeaders{}, authError("X-Sdk-Date header is missing.")
	}
	t, err := time.Parse(sdkDateFormat, date)
	if err != nil {
		return authHeaders{}, authError("X-Sdk-Date must have the form YYYYMMDDTHHMMSSZ.")
	}
	if skew := time.Since(t); skew > maxClockSkew || skew < -maxClockSkew {
		return authHeaders{}, authError("X-Sdk-Date is more than 15 minutes from the server time.")
	}
	signed := strings.Split(signedList, ";")
	hasDate := false
	for _, h := range signed {
		if h != strings.ToLower(h) || h == "" {
			return authHeaders{}, authError("SignedHeaders must be lowercase header names.")
		}
		if h == "x-sdk-date" {
			hasDate = true
		}
	}
	if !hasDate {
		return authHeaders{}, authError("x-sdk-date must be a signed header.")
	}
	if len(sig) != sha256.Size*2 {
		return authHeaders{}, authError("the request signature does not match.")
	}
	return authHeaders{access: access, secret: secret, date: t, signed: signed, signature: sig}, nil
}

// verifySignature recomputes the signature over the request and its body.
func (e *Server) verifySignature(r *http.Request, pre authHeaders, body []byte) (userInfo, *apiError) {
	cr := canonicalRequest(r, pre.signed, body)
	crHash := sha256.Sum256([]byte(cr))
	sts := signAlgorithm + "\n" + pre.date.UTC().Format(sdkDateFormat) + "\n" + hex.EncodeToString(crHash[:])
	mac := hmac.New(sha256.New, []byte(pre.secret))
	mac.Write([]byte(sts))
	want := hex.EncodeToString(mac.Sum(nil))
	if !hmac.Equal([]byte(want), []byte(strings.ToLower(pre.signature))) {
		return userInfo{}, authError("the request signature does not match.")
	}
	e.creds.countSigner(pre.access)
	u := userFor(e.ak) // temporary credentials act for the same (only) account
	u.Temporary = strings.TrimSpace(r.Header.Get(headerSecToken)) != ""
	return u, nil
}

// canonicalRequest builds the canonical request string the signer hashes:
// method, canonical URI, canonical query, canonical headers, signed headers
// and the payload hash, separated by newlines.
func canonicalRequest(r *http.Request, signed []string, body []byte) string {
	payload := r.Header.Get(headerContentSha)
	if payload != unsignedPayload {
		sum := sha256.Sum256(body)
		payload = hex.EncodeToString(sum[:])
	}
	return r.Method + "\n" +
		canonicalURI(r.URL) + "\n" +
		canonicalQuery(r.URL) + "\n" +
		canonicalHeaders(r, signed) + "\n" +
		strings.Join(signed, ";") + "\n" +
		payload
}

// canonicalURI escapes each decoded path segment and ensures a trailing '/'.
func canonicalURI(u *url.URL) string {
	segs := strings.Split(u.EscapedPath(), "/")
	for i, s := range segs {
		if dec, err := url.PathUnescape(s); err == nil {
			s = dec
		}
		segs[i] = signEscape(s)
	}
	p := strings.Join(segs, "/")
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return p
}

// canonicalQuery sorts parameters by name and value and escapes both.
func canonicalQuery(u *url.URL) string {
	q, _ := url.ParseQuery(u.RawQuery)
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		vals := append([]string(nil), q[k]...)
		sort.Strings(vals)
		for _, v := range vals {
			parts = append(parts, signEscape(k)+"="+signEscape(v))
		}
	}
	return strings.Join(parts, "&")
}

// canonicalHeaders renders "name:value\n" for every signed header; the host
// value comes from the request's Host.
func canonicalHeaders(r *http.Request, signed []string) string {
	var b strings.Builder
	for _, name := range signed {
		var vals []string
		if name == "host" {
			vals = []string{r.Host}
		} else {
			vals = append(vals, r.Header.Values(name)...)
		}
		sort.Strings(vals)
		for _, v := range vals {
			b.WriteString(name + ":" + strings.TrimSpace(v) + "\n")
		}
	}
	return b.String()
}

// signEscape percent-encodes every byte except A-Z a-z 0-9 _ - ~ . using
// uppercase hex, as the signer does.
func signEscape(s string) string {
	const hexDigits = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_' || c == '-' || c == '~' || c == '.' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hexDigits[c>>4])
		b.WriteByte(hexDigits[c&15])
	}
	return b.String()
}
