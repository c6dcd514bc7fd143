package store

import (
	"fmt"
	"strings"
	"time"
)

// Enhanced connection model (see README.md): a queue binding stays CREATING
// for connectionActivateTime emulated seconds, then becomes ACTIVE (or FAILED
// when an activation failure is set for the queue). A deleted connection stays
// visible with status DELETED (§12.3/§12.4 document the status; the list filters by it).
const (
	ConnectionActivateTime = 120 * time.Second
	ConnectionMaxHosts     = 20000
	ConnectionListLimit    = 100 // default limit of §12.3
)

// ConnectionData is a project's enhanced connections and forced activation
// failures.
type ConnectionData struct {
	ByID     map[string]*Connection `json:"by_id"`               // connection id -> connection
	Failures map[string]string      `json:"activation_failures"` // lowercase queue name -> err_msg
}

// ConnData returns the project's connection data, creating it if needed.
func (p *Project) ConnData(now int64) *ConnectionData {
	if p.Connections == nil {
		p.Connections = &ConnectionData{}
	}
	d := p.Connections
	if d.ByID == nil {
		d.ByID = map[string]*Connection{}
	}
	if d.Failures == nil {
		d.Failures = map[string]string{}
	}
	return d
}

// Connection is a stored enhanced datasource connection (§12). Times are
// emulated epoch milliseconds.
type Connection struct {
	ID            string            `json:"id"`
	Name          string            `json:"name"`
	DestVpcID     string            `json:"dest_vpc_id"`
	DestNetworkID string            `json:"dest_network_id"`
	RoutetableID  string            `json:"routetable_id,omitempty"` // write-only: never returned
	Tags          []Tag             `json:"tags"`                    // write-only: only filters the list
	Hosts         []ConnectionHost  `json:"hosts"`
	Queues        []ConnectionQueue `json:"queues"`
	CreateTime    int64             `json:"create_time"`
	DeletedAt     int64             `json:"deleted_at,omitempty"` // 0 while not deleted
	CreatedReal   time.Time         `json:"-"`                    // real creation time, for the consistency delay
}

type ConnectionHost struct {
	Name string `json:"name"`
	IP   string `json:"ip"`
}

// ConnectionQueue is one queue binding (a peering) of a connection.
type ConnectionQueue struct {
	Name     string `json:"name"`
	PeerID   string `json:"peer_id"`
	BoundAt  int64  `json:"bound_at"`            // when the bind was accepted
	StartAt  int64  `json:"start_at,omitempty"`  // when activation starts: the queue's provisioning end (0 = BoundAt)
	FailWith string `json:"fail_with,omitempty"` // err_msg once activation ends; "" succeeds
}

// StatusAt returns the binding's status and err_msg at now, and when it last changed.
func (q *ConnectionQueue) StatusAt(now int64) (status, errMsg string, updated int64) {
	done := max(q.BoundAt, q.StartAt) + ConnectionActivateTime.Milliseconds()
	switch {
	case now < done:
		return "CREATING", "", q.BoundAt
	case q.FailWith != "":
		return "FAILED", q.FailWith, done
	default:
		return "ACTIVE", "", done
	}
}

func (c *Connection) IsDeleted() bool { return c.DeletedAt != 0 }

// Creating reports whether any queue binding is still being activated.
func (c *Connection) Creating(now int64) bool {
	for i := range c.Queues {
		if s, _, _ := c.Queues[i].StatusAt(now); s == "CREATING" {
			return true
		}
	}
	return false
}

func (c *Connection) StatusAt() string {
	if c.IsDeleted() {
		return "DELETED"
	}
	return "ACTIVE"
}

func (c *Connection) Queue(name string) *ConnectionQueue {
	for i := range c.Queues {
		if c.Queues[i].Name == name {
			return &c.Queues[i]
		}
	}
	return nil
}

// BindQueue is a queue to bind and when its peering can start being set up
// (when the queue's provisioning ends).
type BindQueue struct {
	Name  string
	Start int64
}

// Bind starts (or, for a FAILED binding, restarts) the activation of queues.
func (conn *Connection) Bind(d *ConnectionData, queues []BindQueue, now int64) {
	for _, bq := range queues {
		name := bq.Name
		q := conn.Queue(name)
		if q != nil {
			if st, _, _ := q.StatusAt(now); st != "FAILED" {
				continue // already bound: a no-op
			}
			q.BoundAt, q.StartAt, q.FailWith = now, bq.Start, d.Failures[name]
			continue
		}
		conn.Queues = append(conn.Queues, ConnectionQueue{
			Name: name, PeerID: NewUUID(), BoundAt: now, StartAt: bq.Start, FailWith: d.Failures[name],
		})
	}
}

// Connection returns the connection with id, deleted or not.
func (p *Project) Connection(id string, now int64) (*Connection, error) {
	conn := p.ConnData(now).ByID[id]
	if conn == nil {
		return nil, &NotFoundError{Kind: KindConnection, Name: id}
	}
	return conn, nil
}

// LiveConnection returns the connection with id unless it was deleted: a DELETED
// connection stays visible but cannot be changed.
func (p *Project) LiveConnection(id string, now int64) (*Connection, error) {
	conn, err := p.Connection(id, now)
	if err != nil {
		return nil, err
	}
	if conn.IsDeleted() {
		return nil, &DeletedError{Kind: KindConnection, Name: id}
	}
	return conn, nil
}

// Delete marks the connection DELETED; one with a peering still CREATING cannot be
// deleted (§12.2).
func (c *Connection) Delete(now int64) error {
	if c.Creating(now) {
		return &UnavailableError{Msg: fmt.Sprintf("Connection %s is being created and cannot be deleted. Try again later.", c.ID)}
	}
	c.DeletedAt = now
	return nil
}

// Unbind removes the named queues' peerings; a queue that is not bound is ignored.
func (c *Connection) Unbind(names []string) {
	drop := map[string]bool{}
	for _, n := range names {
		drop[strings.ToLower(strings.TrimSpace(n))] = true
	}
	kept := c.Queues[:0]
	for _, q := range c.Queues {
		if !drop[q.Name] {
			kept = append(kept, q)
		}
	}
	c.Queues = kept
}
