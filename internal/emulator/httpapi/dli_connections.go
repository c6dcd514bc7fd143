package httpapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/netip"
	"regexp"
	"sort"
	"strings"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator/store"
)

var (
	connectionNameRE = regexp.MustCompile(`^[A-Za-z0-9_]{1,64}$`)
	connectionHostRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_.-]{0,127}$`)
)

// connectionView is a connection as §12.3 lists it and §12.4 returns it.
type connectionView struct {
	ID                 string                `json:"id"`
	Name               string                `json:"name"`
	Status             string                `json:"status"`
	AvailableQueueInfo []connectionQueueView `json:"available_queue_info"`
	DestVpcID          string                `json:"dest_vpc_id"`
	DestNetworkID      string                `json:"dest_network_id"`
	IsPrivis           bool                  `json:"isPrivis"`
	CreateTime         int64                 `json:"create_time"`
	Hosts              []connectionHost      `json:"hosts"`
}

type connectionQueueView struct {
	PeerID     string `json:"peer_id"`
	Status     string `json:"status"`
	Name       string `json:"name"`
	ErrMsg     string `json:"err_msg"`
	UpdateTime int64  `json:"update_time"`
}

func viewConnection(c *connection, now int64) connectionView {
	v := connectionView{
		ID: c.ID, Name: c.Name, Status: c.StatusAt(), AvailableQueueInfo: []connectionQueueView{},
		DestVpcID: c.DestVpcID, DestNetworkID: c.DestNetworkID, IsPrivis: true, CreateTime: c.CreateTime,
		Hosts: append([]connectionHost{}, c.Hosts...),
	}
	for i := range c.Queues {
		q := &c.Queues[i]
		st, msg, upd := q.StatusAt(now)
		v.AvailableQueueInfo = append(v.AvailableQueueInfo, connectionQueueView{
			PeerID: q.PeerID, Status: st, Name: q.Name, ErrMsg: msg, UpdateTime: upd,
		})
	}
	return v
}

// lookupConnection finds a connection by id. visibleOnly applies the
// consistency delay (reads); live refuses DELETED connections (writes).
func (e *Server) lookupConnection(c *call, visibleOnly, live bool) (*connection, *apiError) {
	id := c.path("connection_id")
	lookup := c.proj.Connection
	if live {
		lookup = c.proj.LiveConnection
	}
	conn, err := lookup(id, c.nowMillis())
	if err == nil && visibleOnly && !e.visible(conn.CreatedReal) {
		err = &store.NotFoundError{Kind: store.KindConnection, Name: id}
	}
	if err != nil {
		return nil, domainError(err)
	}
	return conn, nil
}

// validHosts checks a §12.1/§12.7 hosts list.
func validHosts(hosts []*hostBody) ([]connectionHost, *apiError) {
	if len(hosts) > connectionMaxHosts {
		return nil, badRequest("Invalid hosts: at most %d records are supported, got %d.", connectionMaxHosts, len(hosts))
	}
	out := make([]connectionHost, 0, len(hosts))
	for i, h := range hosts {
		if h == nil || h.Name == nil || *h.Name == "" {
			return nil, badRequest("hosts[%d].name is required.", i)
		}
		if !connectionHostRE.MatchString(*h.Name) {
			return nil, badRequest("Invalid hosts[%d].name %q: at most 128 letters, digits, '_', '-' and '.', starting with a letter.", i, *h.Name)
		}
		if h.IP == nil || *h.IP == "" {
			return nil, badRequest("hosts[%d].ip is required.", i)
		}
		if a, err := netip.ParseAddr(*h.IP); err != nil || !a.Is4() {
			return nil, badRequest("Invalid hosts[%d].ip %q: an IPv4 address is required.", i, *h.IP)
		}
		out = append(out, connectionHost{Name: *h.Name, IP: *h.IP})
	}
	return out, nil
}

type hostBody struct {
	Name *string `json:"name"`
	IP   *string `json:"ip"`
}

// bindableQueues resolves queue names for binding: each must exist; a queue
// still provisioning is accepted, and its peering is set up once it is ready.
// Duplicates are dropped; names are lowercased.
func (e *Server) bindableQueues(c *call, names []string) ([]bindQueue, *apiError) {
	var out []bindQueue
	seen := map[string]bool{}
	for i, n := range names {
		if strings.TrimSpace(n) == "" {
			return nil, badRequest("queues[%d] is empty.", i)
		}
		q, err := e.lookupQueue(c, n, false)
		if err != nil {
			return nil, err
		}
		if !seen[q.Name] {
			seen[q.Name] = true
			out = append(out, bindQueue{Name: q.Name, Start: q.WorkStart(c.nowMillis())})
		}
	}
	return out, nil
}

func bindNames(qs []bindQueue) []string {
	out := make([]string, len(qs))
	for i, q := range qs {
		out[i] = q.Name
	}
	return out
}

type createConnectionBody struct {
	Name          *string         `json:"name"`
	DestVpcID     *string         `json:"dest_vpc_id"`
	DestNetworkID *string         `json:"dest_network_id"`
	Queues        []string        `json:"queues"`
	RoutetableID  *string         `json:"routetable_id"`
	Hosts         []*hostBody     `json:"hosts"`
	Tags          []*queueTagBody `json:"tags"`
}

func (e *Server) createConnection(c *call) result {
	var b createConnectionBody
	if err := c.decode(&b); err != nil {
		return fail(err)
	}
	if b.Name == nil || *b.Name == "" {
		return fail(badRequest("name is required."))
	}
	if !connectionNameRE.MatchString(*b.Name) {
		return fail(badRequest("Invalid name %q: only letters, digits and underscores, at most 64 characters.", *b.Name))
	}
	if b.DestVpcID == nil || *b.DestVpcID == "" {
		return fail(badRequest("dest_vpc_id is required."))
	}
	if b.DestNetworkID == nil || *b.DestNetworkID == "" {
		return fail(badRequest("dest_network_id is required."))
	}
	hosts, err := validHosts(b.Hosts)
	if err != nil {
		return fail(err)
	}
	conn := &connection{
		ID: store.NewUUID(), Name: *b.Name, DestVpcID: *b.DestVpcID, DestNetworkID: *b.DestNetworkID,
		Tags: []queueTag{}, Hosts: hosts, Queues: []connectionQueue{}, CreateTime: c.nowMillis(),
		CreatedReal: c.real,
	}
	if b.RoutetableID != nil {
		conn.RoutetableID = *b.RoutetableID
	}
	for i, t := range b.Tags {
		if t == nil || t.Key == nil || *t.Key == "" {
			return fail(badRequest("tags[%d].key is required.", i))
		}
		if t.Value == nil || *t.Value == "" {
			return fail(badRequest("tags[%d].value is required.", i))
		}
		conn.Tags = append(conn.Tags, queueTag{Key: *t.Key, Value: *t.Value})
	}
	queues, err := e.bindableQueues(c, b.Queues)
	if err != nil {
		return fail(err)
	}
	d := c.proj.ConnData(c.nowMillis())
	for _, other := range d.ByID {
		if other.Name == conn.Name && !other.IsDeleted() {
			return failDomain(&store.ConflictError{Kind: store.KindConnection, Name: conn.Name})
		}
	}
	conn.Bind(d, queues, c.nowMillis())
	d.ByID[conn.ID] = conn
	return result{Status: http.StatusCreated, Body: createConnectionResponse{
		IsSuccess: true, ConnectionID: conn.ID,
		Message: fmt.Sprintf("Create peer connection for queues:{%s}", strings.Join(bindNames(queues), ",")),
	}}
}

func (e *Server) listConnections(c *call) result {
	limit, err := c.intParam("limit", connectionListLimit, 0)
	if err != nil {
		return fail(err)
	}
	offset, err := c.intParam("offset", 0, 0)
	if err != nil {
		return fail(err)
	}
	status := strings.ToUpper(strings.TrimSpace(c.query("status")))
	if status != "" && status != "ACTIVE" && status != "DELETED" {
		return fail(badRequest("Invalid status %q: must be ACTIVE or DELETED (case-insensitive).", c.query("status")))
	}
	tagFilter, err := parseTagFilter(c.query("tags"))
	if err != nil {
		return fail(err)
	}
	name := c.query("name")
	now := c.nowMillis()
	var matched []*connection
	for _, conn := range c.proj.ConnData(now).ByID {
		if !e.visible(conn.CreatedReal) || (status != "" && conn.StatusAt() != status) ||
			(name != "" && conn.Name != name) || !hasAllTags(conn.Tags, tagFilter) {
			continue
		}
		matched = append(matched, conn)
	}
	sort.Slice(matched, func(i, j int) bool {
		if matched[i].CreateTime != matched[j].CreateTime {
			return matched[i].CreateTime < matched[j].CreateTime
		}
		return matched[i].ID < matched[j].ID
	})
	if offset >= len(matched) {
		matched = nil
	} else {
		matched = matched[offset:]
	}
	if limit > 0 && len(matched) > limit {
		matched = matched[:limit]
	}
	items := make([]connectionView, 0, len(matched))
	for _, conn := range matched {
		items = append(items, viewConnection(conn, now))
	}
	return ok(listConnectionsResponse{IsSuccess: true, Count: len(items), Connections: items})
}

func hasAllTags(tags, filter []queueTag) bool {
	return (&queue{Tags: tags}).HasTags(filter)
}

func (e *Server) showConnection(c *call) result {
	conn, err := e.lookupConnection(c, true, false)
	if err != nil {
		return fail(err)
	}
	return ok(struct {
		successBody
		connectionView
	}{success(""), viewConnection(conn, c.nowMillis())})
}

func (e *Server) deleteConnection(c *call) result {
	conn, err := e.lookupConnection(c, false, true)
	if err != nil {
		return fail(err)
	}
	if err := conn.Delete(c.nowMillis()); err != nil {
		return failDomain(err)
	}
	c.proj.DropPrivileges("edsconnections." + conn.ID) // permissions: grants go with the object
	return ok(success("Deleted"))
}

// queuesRequest decodes the required, non-empty queues list of §12.5/§12.6 and finds the
// live connection it is for.
func (e *Server) queuesRequest(c *call) (*connection, []string, *apiError) {
	var b struct {
		Queues *[]string `json:"queues"`
	}
	if err := c.decode(&b); err != nil {
		return nil, nil, err
	}
	if b.Queues == nil || len(*b.Queues) == 0 {
		return nil, nil, badRequest("queues is required and must not be empty.")
	}
	conn, err := e.lookupConnection(c, false, true)
	return conn, *b.Queues, err
}

func (e *Server) associateConnectionQueues(c *call) result {
	conn, names, err := e.queuesRequest(c)
	if err != nil {
		return fail(err)
	}
	queues, err := e.bindableQueues(c, names)
	if err != nil {
		return fail(err)
	}
	conn.Bind(c.proj.ConnData(c.nowMillis()), queues, c.nowMillis())
	return ok(success(fmt.Sprintf("associated peer connection for queues: {%s}.", strings.Join(bindNames(queues), ","))))
}

func (e *Server) disassociateConnectionQueues(c *call) result {
	conn, names, err := e.queuesRequest(c)
	if err != nil {
		return fail(err)
	}
	conn.Unbind(names)
	return ok(success(fmt.Sprintf("Disassociated peer connection for queues:{%s}.", strings.Join(names, ","))))
}

func (e *Server) updateConnectionHosts(c *call) result {
	var b struct {
		Hosts *[]*hostBody `json:"hosts"`
	}
	if err := c.decode(&b); err != nil {
		return fail(err)
	}
	if b.Hosts == nil {
		return fail(badRequest("hosts is required; send an empty list to clear all hosts."))
	}
	hosts, err := validHosts(*b.Hosts)
	if err != nil {
		return fail(err)
	}
	conn, err := e.lookupConnection(c, false, true)
	if err != nil {
		return fail(err)
	}
	conn.Hosts = hosts
	return ok(success(""))
}

func (e *Server) showConnectionPrivileges(c *call) result {
	conn, err := e.lookupConnection(c, true, true)
	if err != nil {
		// §12.8 documents DLI.0001 "Connection <id> is not exist." for this call.
		return fail(badRequest("Connection %s is not exist.", c.path("connection_id")))
	}
	return ok(connectionPrivilegesResponse{IsSuccess: true, ConnectionID: conn.ID, Privileges: connectionGrants(c, conn.ID)})
}

// defaultConnectionFailure is the err_msg of a forced activation failure
// when none is given.
const defaultConnectionFailure = "Failed to create the peering: the destination subnet has no free IP addresses (injected failure)."

// FailConnectionActivation makes every activation of the queue's bindings to
// enhanced connections in the project fail with errMsg ("" uses a default
// message): bindings still CREATING end FAILED, and so do later binds. It
// lasts until ClearConnectionActivationFailure. projectID "" is the demo
// project.
func (e *Server) FailConnectionActivation(projectID, queueName, errMsg string) error {
	if errMsg == "" {
		errMsg = defaultConnectionFailure
	}
	return e.setConnectionFailure(projectID, queueName, errMsg)
}

// ClearConnectionActivationFailure undoes FailConnectionActivation for later
// binds; bindings that already ended FAILED stay FAILED until bound again.
func (e *Server) ClearConnectionActivationFailure(projectID, queueName string) error {
	return e.setConnectionFailure(projectID, queueName, "")
}

func (e *Server) setConnectionFailure(projectID, queueName, errMsg string) error {
	if projectID == "" {
		projectID = DemoProjectID
	}
	if _, ok := e.projectIDs[projectID]; !ok {
		return fmt.Errorf("unknown project %q", projectID)
	}
	name := strings.ToLower(strings.TrimSpace(queueName))
	if name == "" {
		return errors.New("queue_name is required")
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	now := e.clock.Now().UnixMilli()
	d := e.data.Project(projectID).ConnData(now)
	if errMsg == "" {
		delete(d.Failures, name)
		return nil
	}
	d.Failures[name] = errMsg
	for _, conn := range d.ByID {
		if q := conn.Queue(name); q != nil {
			if st, _, _ := q.StatusAt(now); st == "CREATING" {
				q.FailWith = errMsg
			}
		}
	}
	return nil
}

type connectionFailureBody struct {
	ProjectID string `json:"project_id"`
	QueueName string `json:"queue_name"`
	ErrMsg    string `json:"err_msg"`
}

func (e *Server) adminSetConnectionFailure(w http.ResponseWriter, r *http.Request) {
	var b connectionFailureBody
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&b); err != nil {
		writeError(w, badRequest("Invalid connection failure: %v", err))
		return
	}
	if err := e.FailConnectionActivation(b.ProjectID, b.QueueName, b.ErrMsg); err != nil {
		writeError(w, badRequest("%v", err))
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (e *Server) adminClearConnectionFailure(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if err := e.ClearConnectionActivationFailure(q.Get("project_id"), q.Get("queue_name")); err != nil {
		writeError(w, badRequest("%v", err))
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}
