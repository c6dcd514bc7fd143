package client

import (
	"context"
	"net/http"
	"net/url"
	"strings"
)

// Queue properties (dli-sdk-extras.md §2). Keys are written as computeEngine.maxInstance but
// read back as computeEngine.maxInstances, and values are read as strings: this client
// speaks the write spelling only. Not every region publishes the API (IsUnpublishedAPI).

// QueuePropertyMaxInstance is the write key of the maximum number of Spark drivers.
const QueuePropertyMaxInstance = "computeEngine.maxInstance"

// queuePropertyReadKeys maps the read spellings that differ to the write keys.
var queuePropertyReadKeys = map[string]string{"computeEngine.maxInstances": QueuePropertyMaxInstance}

func queuePropertiesPath(queue string) string {
	return "/v3/{project_id}/queues/" + queue + "/properties"
}

// ListQueueProperties returns a queue's properties by write key, values as the API's
// strings (§2.2).
func (c *Client) ListQueueProperties(ctx context.Context, queue string) (map[string]string, error) {
	var out listQueuePropertiesResponse
	err := c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "ListQueueProperties", Method: http.MethodGet,
		Path: queuePropertiesPath(queue), Query: url.Values{"limit": {"100"}},
	}, &out)
	if err != nil {
		return nil, err
	}
	props := map[string]string{}
	for _, p := range *out.Properties {
		key := p.Key.Value()
		if w, ok := queuePropertyReadKeys[key]; ok {
			key = w
		}
		props[key] = p.Value
	}
	return props, nil
}

// UpdateQueueProperties sets properties (a partial merge, §2.3), by write key; the caller
// passes each value as the JSON type the SDK's AdvancedQueueProperty gives it (int32 for the
// Spark driver keys, string for the others).
func (c *Client) UpdateQueueProperties(ctx context.Context, queue string, props map[string]any) error {
	c.noteWrite(kindQueue, strings.ToLower(queue))
	return c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "UpdateQueueProperty", Method: http.MethodPut,
		Path: queuePropertiesPath(queue), Body: map[string]any{"properties": props},
	}, &ack{})
}

// DeleteQueueProperties removes properties (§2.4: a DELETE with a JSON body); only the three
// Spark driver keys can be removed.
func (c *Client) DeleteQueueProperties(ctx context.Context, queue string, keys []string) error {
	c.noteWrite(kindQueue, strings.ToLower(queue))
	return c.Do(ctx, Request{
		Service: ServiceDLI, Operation: "DeleteQueueProperty", Method: http.MethodDelete,
		Path: queuePropertiesPath(queue), Body: map[string]any{"keys": keys},
	}, &ack{})
}

// Region is the region the client is configured for, for messages.
func (c *Client) Region() string { return c.cfg.Region }
