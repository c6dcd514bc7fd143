package acctest

// MaxRetries is the provider's default max_retries, which the tests' provider block keeps.
const MaxRetries = 5

// OddAttempts is how many answers one API call reads before it gives up: a malformed 2xx
// is retried like a 5xx, MaxRetries times.
const OddAttempts = MaxRetries + 1

// OddBody is a 2xx answer the client must refuse; Why matches the reason its error gives.
type OddBody struct {
	Name, Body, ContentType, Why string
}

// OddBodies are the odd 200 answers every read is tried with: empty, {}, null, truncated
// (the first part of a real answer of the operation), an HTML page and an envelope
// without the data.
func OddBodies(truncated string) []OddBody {
	return []OddBody{
		{"empty", "", "", `body\s+is\s+empty`},
		{"empty object", "{}", "", `(lacks|empty\s+object)`},
		{"null", "null", "", `body\s+is\s+null`},
		{"truncated", truncated, "", `not\s+the\s+expected\s+JSON`},
		{"html", "<html><body>Bad Gateway</body></html>", "text/html", `body\s+is\s+not\s+JSON`},
		{"envelope only", `{"is_success":true,"message":""}`, "", `lacks`},
	}
}
