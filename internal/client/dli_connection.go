package client

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// Statuses of an enhanced connection (§12.3/§12.4) and of its per-queue peerings.
const (
	ConnectionStatusActive   = "ACTIVE"
	ConnectionStatusDeleted  = "DELETED"
	ConnectionQueueCreating  = "CREATING"
	ConnectionQueueActive    = "ACTIVE"
	ConnectionQueueFailed    = "FAILED"
	connectionsPath          = "/v2.0/{project_id}/datasource/enhanced-connections"
	connectionsListPageLimit = 100
)

func connectionPath(id string) string {
	return connectionsPath + "/" + id // the SDK escapes the path
}

// CreateEnhancedConnection creates an enhanced connection (§12.1, answered 201) and returns its
// id. The queues in the body start binding at once; see WaitForConnectionQueues. If an
// attempt's outcome is unknown, it looks for a live connection with that name, VPC and
// subnet (within the consistency window) before sending the create again, and adopts it
// when the create sent again is answered "already exists".
func (c *Client) CreateEnhancedConnection(ctx context.Context, body *model.CreateEnhancedConnectionRequestBody) (string, error) {
	var found string
	lookup := func(ctx context.Context) error {
		conns, err := c.ListEnhancedConnections(ctx, ConnectionFilter{Name: body.Name, Status: ConnectionStatusActive})
		if err != nil {
			return err
		}
		var other *model.EnhancedConnection
		for i, conn := range conns {
			if ptr.Deref(conn.Name) != body.Name {
				continue
			}
			if ptr.Deref(conn.DestVpcId) == body.DestVpcId && ptr.Deref(conn.DestNetworkId) == body.DestNetworkId {
				found = ptr.Deref(conn.Id)
				return nil
			}
			other = &conns[i]
		}
		if other != nil {
			return &ExistsMismatchError{Kind: "enhanced connection", Name: body.Name, Detail: fmt.Sprintf(
				"dest_vpc_id %q and dest_network_id %q, requested %q and %q",
				ptr.Deref(other.DestVpcId), ptr.Deref(other.DestNetworkId), body.DestVpcId, body.DestNetworkId)}
		}
		return &NotFoundError{Kind: "enhanced connection", Name: body.Name}
	}
	var out createConnectionResponse
	err := c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "CreateEnhancedConnection", Method: http.MethodPost,
		Path: connectionsPath, Body: body,
		Reconcile: tookEffect(lookup), Adopt: lookup,
	}, &out)
	if err != nil {
		return "", err
	}
	id := found // set when an earlier attempt's connection was found or adopted
	if id == "" {
		id = ptr.Deref(out.ConnectionId)
	}
	c.noteWrite(kindConnection, id)
	return id, nil
}

// ShowEnhancedConnection reads a connection (§12.4) as the API returns it, including a
// deleted one (status DELETED).
func (c *Client) ShowEnhancedConnection(ctx context.Context, id string) (*model.ShowEnhancedConnectionResponse, error) {
	var out showConnectionResponse
	err := c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "ShowEnhancedConnection", Method: http.MethodGet, Path: connectionPath(id),
	}, &out)
	if err != nil {
		return nil, err
	}
	return &out.ShowEnhancedConnectionResponse, nil
}

// GetEnhancedConnection reads a live connection: a DELETED one is reported as not found.
func (c *Client) GetEnhancedConnection(ctx context.Context, id string) (*model.ShowEnhancedConnectionResponse, error) {
	conn, err := c.ShowEnhancedConnection(ctx, id)
	if err != nil {
		return nil, err
	}
	if strings.EqualFold(ptr.Deref(conn.Status), ConnectionStatusDeleted) {
		return nil, &NotFoundError{Kind: "enhanced connection", Name: id}
	}
	return conn, nil
}

// connectionDeleted reports whether err is GetEnhancedConnection's report of a connection in
// status DELETED: definitely gone, unlike a not-found answer, which may mean "not visible yet".
func connectionDeleted(err error) bool {
	var nf *NotFoundError
	return errors.As(err, &nf)
}

// ConnectionFilter narrows ListEnhancedConnections (§12.3); empty fields do not filter.
type ConnectionFilter struct {
	Name   string
	Status string            // ACTIVE or DELETED
	Tags   map[string]string // every tag must match
}

// ListEnhancedConnections returns every connection matching f, paging through the list.
func (c *Client) ListEnhancedConnections(ctx context.Context, f ConnectionFilter) ([]model.EnhancedConnection, error) {
	query := url.Values{"limit": {strconv.Itoa(connectionsListPageLimit)}}
	setIfAny(query, "name", f.Name)
	setIfAny(query, "status", f.Status)
	if len(f.Tags) > 0 {
		tags := make([]string, 0, len(f.Tags))
		for k, v := range f.Tags {
			tags = append(tags, k+"="+v)
		}
		sort.Strings(tags)
		query.Set("tags", strings.Join(tags, ","))
	}
	return listAll(ctx, pager[model.EnhancedConnection]{
		operation: "ListEnhancedConnections", path: connectionsPath, pageSize: connectionsListPageLimit,
		key: func(c model.EnhancedConnection) string { return ptr.Deref(c.Id) },
		fetch: func(ctx context.Context, _, offset int) (listPage[model.EnhancedConnection], error) {
			q := maps.Clone(query)
			q.Set("offset", strconv.Itoa(offset))
			var out listConnectionsResponse
			err := c.Do(ctx, Request{
				Service: ServiceDLI, Operation: "ListEnhancedConnections", Method: http.MethodGet,
				Path: connectionsPath, Query: q,
			}, &out)
			// count is the number of connections on this page (§12.3), not a total.
			return listPage[model.EnhancedConnection]{items: ptr.Deref(out.Connections), total: -1}, err
		},
	})
}

// DeleteEnhancedConnection deletes a connection (§12.2). One that is already gone (or
// DELETED) is not an error. DLI refuses to delete a connection whose peerings are still
// being created: see WaitForConnectionSettled.
func (c *Client) DeleteEnhancedConnection(ctx context.Context, id string) error {
	// A connection whose peerings are still being created cannot be deleted (DLI.0012, "try
	// again later"): a settle wait that could not see it yet (eventual consistency) lets
	// that happen, so such a refusal is waited out rather than reported.
	return c.Wait(ctx, fmt.Sprintf("enhanced connection %s to accept its deletion", id), func(ctx context.Context) (bool, string, error) {
		err := c.Do(ctx, Request{
			Service: ServiceDLI, Operation: "DeleteEnhancedConnection", Method: http.MethodDelete, Path: connectionPath(id),
		}, &ack{})
		switch {
		case err == nil || IsNotFound(err):
			return true, "deleted", nil
		case HasCode(err, "DLI.0012"):
			return false, "still being created", nil
		}
		return false, "", err
	})
}

// AssociateConnectionQueues binds queues to a connection (§12.5); each starts CREATING.
func (c *Client) AssociateConnectionQueues(ctx context.Context, id string, queues []string) error {
	return c.connectionQueues(ctx, "AssociateQueueToEnhancedConnection", id, "/associate-queue", queues)
}

// DisassociateConnectionQueues unbinds queues from a connection (§12.6).
func (c *Client) DisassociateConnectionQueues(ctx context.Context, id string, queues []string) error {
	return c.connectionQueues(ctx, "DisassociateQueueFromEnhancedConnection", id, "/disassociate-queue", queues)
}

func (c *Client) connectionQueues(ctx context.Context, op, id, suffix string, queues []string) error {
	if len(queues) == 0 {
		return nil
	}
	q := append([]string(nil), queues...)
	c.noteWrite(kindConnection, id)
	var out ack
	return c.Do(ctx, Request{
		Service: ServiceDLI, Operation: op, Method: http.MethodPost, Path: connectionPath(id) + suffix,
		Body: &model.AssociateQueueToEnhancedConnectionRequestBody{Queues: &q},
	}, &out)
}

// UpdateEnhancedConnectionHosts replaces the connection's custom hosts (§12.7, full
// overwrite); an empty list clears them.
func (c *Client) UpdateEnhancedConnectionHosts(ctx context.Context, id string, hosts []model.EnhancedConnectionHost) error {
	if hosts == nil {
		hosts = []model.EnhancedConnectionHost{}
	}
	c.noteWrite(kindConnection, id)
	var out ack
	return c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "UpdateEnhancedConnection", Method: http.MethodPut, Path: connectionPath(id),
		Body: &model.UpdateEnhancedConnectionRequestBody{Hosts: hosts},
	}, &out)
}

// ConnectionQueueFailedError is a queue whose peering ended FAILED.
type ConnectionQueueFailedError struct {
	ConnectionID string
	Queue        string
	ErrMsg       string
}

func (e *ConnectionQueueFailedError) Error() string {
	msg := e.ErrMsg
	if msg == "" {
		msg = "no reason given"
	}
	return fmt.Sprintf("the peering of queue %q with enhanced connection %s FAILED: %s", e.Queue, e.ConnectionID, msg)
}

// WaitForConnectionQueues waits until every queue in active is bound to the connection with
// status ACTIVE and no queue in gone is listed any more. A FAILED queue in active stops the
// wait at once with a *ConnectionQueueFailedError carrying DLI's err_msg. A connection not
// found within the consistency window after it was written is not visible yet.
func (c *Client) WaitForConnectionQueues(ctx context.Context, id string, active, gone []string) error {
	what := fmt.Sprintf("enhanced connection %s to be ACTIVE on queues [%s]", id, strings.Join(active, ", "))
	start := time.Now()
	return c.Wait(ctx, what, func(ctx context.Context) (bool, string, error) {
		conn, err := c.GetEnhancedConnection(ctx, id)
		if IsNotFound(err) && !connectionDeleted(err) && c.notVisibleYet(kindConnection, id, start) {
			return false, "not visible yet", nil
		}
		if err != nil {
			return false, "", err
		}
		byName := map[string]model.EnhancedConnectionResource{}
		for _, q := range ptr.Deref(conn.AvailableQueueInfo) {
			byName[strings.ToLower(ptr.Deref(q.Name))] = q
		}
		var pending []string
		for _, name := range active {
			q, bound := byName[strings.ToLower(name)]
			status := ptr.Deref(q.Status)
			switch {
			case !bound:
				pending = append(pending, name+": not bound yet")
			case strings.EqualFold(status, ConnectionQueueFailed):
				return false, "", &ConnectionQueueFailedError{ConnectionID: id, Queue: name, ErrMsg: ptr.Deref(q.ErrMsg)}
			case !strings.EqualFold(status, ConnectionQueueActive):
				pending = append(pending, name+": "+status)
			}
		}
		for _, name := range gone {
			if _, bound := byName[strings.ToLower(name)]; bound {
				pending = append(pending, name+": still bound")
			}
		}
		if len(pending) == 0 {
			return true, "all ACTIVE", nil
		}
		return false, strings.Join(pending, ", "), nil
	})
}

// WaitForConnectionSettled waits until no queue peering of the connection is CREATING (DLI
// refuses to delete it before). A connection that is gone counts as settled, unless this
// process wrote it within the consistency window (then it is not visible yet).
func (c *Client) WaitForConnectionSettled(ctx context.Context, id string) error {
	return c.Wait(ctx, fmt.Sprintf("enhanced connection %s to finish creating its peerings", id), func(ctx context.Context) (bool, string, error) {
		conn, err := c.GetEnhancedConnection(ctx, id)
		if IsNotFound(err) && !connectionDeleted(err) && c.recentlyWritten(kindConnection, id) {
			return false, "not visible yet", nil
		}
		if IsNotFound(err) {
			return true, "gone", nil
		}
		if err != nil {
			return false, "", err
		}
		for _, q := range ptr.Deref(conn.AvailableQueueInfo) {
			if strings.EqualFold(ptr.Deref(q.Status), ConnectionQueueCreating) {
				return false, "queue " + ptr.Deref(q.Name) + " CREATING", nil
			}
		}
		return true, "settled", nil
	})
}

// WaitForConnectionDeleted waits until the connection is gone or reported DELETED.
func (c *Client) WaitForConnectionDeleted(ctx context.Context, id string) error {
	return c.Wait(ctx, fmt.Sprintf("enhanced connection %s to be deleted", id), func(ctx context.Context) (bool, string, error) {
		conn, err := c.GetEnhancedConnection(ctx, id)
		if IsNotFound(err) {
			return true, "deleted", nil
		}
		if err != nil {
			return false, "", err
		}
		return false, ptr.Deref(conn.Status), nil
	})
}
