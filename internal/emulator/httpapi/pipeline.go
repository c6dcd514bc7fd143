package httpapi

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// apiHandler runs one API route through the request pipeline (README.md,
// "Request pipeline").
type apiHandler struct {
	e  *Server
	rt route
}

func (h apiHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	e, rt := h.e, h.rt
	start := time.Now()
	status := e.serveAPI(w, r, rt)
	e.logf("%s %s op=%s status=%d dur=%s", r.Method, r.URL.RequestURI(), rt.Op, status, time.Since(start).Round(time.Microsecond))
}

// serveAPI is the pipeline of one routed API request: count, published check,
// header authentication, bounded body read, signature, project check,
// replaced response, rate limit, faults, handler.
func (e *Server) serveAPI(w http.ResponseWriter, r *http.Request, rt route) int {
	e.count(rt.Op)
	reqID := w.Header().Get("X-Request-Id")
	if e.isUnpublished(rt.Op) {
		return writeError(w, noAPIError(reqID))
	}
	// Everything the headers can tell is checked before a byte of the body is read.
	pre, aerr := e.checkAuthHeaders(r)
	if aerr != nil {
		aerr.RequestID = reqID
		return writeError(w, aerr)
	}
	if r.ContentLength > maxBodyBytes {
		return writeError(w, bodyTooLarge())
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBodyBytes))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return writeError(w, bodyTooLarge())
		}
		return writeError(w, newError(http.StatusBadRequest, "DLI.0001", "Failed to read the request body."))
	}
	user, aerr := e.verifySignature(r, pre, body)
	if aerr != nil {
		aerr.RequestID = reqID
		return writeError(w, aerr)
	}
	projectID := r.PathValue("project_id")
	if strings.Contains(rt.Pattern, "{project_id}") {
		if _, ok := e.projectIDs[projectID]; !ok {
			return writeError(w, newError(http.StatusUnauthorized, "DLI.0013",
				fmt.Sprintf("User authentication error: project %s does not belong to the authenticated account.", projectID)))
		}
	}
	if rep, ok := e.takeReplacement(rt.Op); ok {
		return writeReplacement(w, rep)
	}
	if wait, limited := e.throttle(projectID); limited {
		return writeThrottled(w, wait)
	}
	fault, latency := e.pickFault(rt.Op)
	if latency > 0 {
		select {
		case <-time.After(latency):
		case <-r.Context().Done():
			return 0
		}
	}
	if fault != 0 && fault != http.StatusRequestTimeout {
		return e.writeFault(w, fault)
	}
	c := &call{r: r, body: body, projectID: projectID, user: user, real: e.realNow()}
	e.mu.Lock()
	c.now = e.clock.Now()
	if projectID != "" {
		c.proj = e.data.Project(projectID)
		c.proj.RunScalingPlans(c.nowMillis()) // issue 14: scheduled scaling plans come due on the emulated clock
	}
	res := rt.Handle(e, c)
	if res.Status == 0 {
		res.Status = http.StatusOK
	}
	e.mu.Unlock()
	if r.Method != http.MethodGet && res.Status < 300 {
		e.stateChanged() // written by the background snapshot writer, off the request path
	}
	if fault == http.StatusRequestTimeout {
		return e.writeFault(w, fault)
	}
	if res.Status == http.StatusNoContent {
		w.Header().Del("Content-Type")
		w.WriteHeader(res.Status)
		return res.Status
	}
	return writeJSON(w, res.Status, res.Body)
}

func bodyTooLarge() *apiError {
	return newError(http.StatusRequestEntityTooLarge, "DLI.0001",
		fmt.Sprintf("The request body exceeds %d MiB.", maxBodyBytes>>20))
}

// noAPIError is the API gateway's answer for a path no API serves, or an API
// that is not published in the region (APIGW.0101).
func noAPIError(requestID string) *apiError {
	err := newError(http.StatusNotFound, "APIGW.0101", "The API does not exist or has not been published in the environment")
	err.RequestID = requestID
	return err
}

// serveUnrouted answers a request that no route matches, as the API gateway
// does, after logging and counting it under "METHOD /path" with configured
// project ids replaced by {project_id}.
func (e *Server) serveUnrouted(w http.ResponseWriter, r *http.Request) {
	key := r.Method + " " + e.pathTemplate(r.URL.Path)
	e.count(key)
	status := writeError(w, noAPIError(w.Header().Get("X-Request-Id")))
	e.logf("%s %s op=unrouted(%s) status=%d", r.Method, r.URL.RequestURI(), key, status)
}

// pathTemplate replaces every path segment that is a configured project id
// with {project_id}.
func (e *Server) pathTemplate(path string) string {
	segs := strings.Split(path, "/")
	for i, s := range segs {
		if _, ok := e.projectIDs[s]; ok {
			segs[i] = "{project_id}"
		}
	}
	return strings.Join(segs, "/")
}
