package httpapi

import (
	"encoding/json"
	"sort"
	"strconv"
	"strings"
)

// Queue property keys (dli-sdk-extras.md §2.0). Values are stored under their write key
// as the strings the list returns.
const (
	propMaxInstance      = "computeEngine.maxInstance" // read back as computeEngine.maxInstances
	propMaxInstances     = "computeEngine.maxInstances"
	propMaxPrefetch      = "computeEngine.maxPrefetchInstance"
	propMaxConcurrent    = "job.maxConcurrent"
	propNativeEnabled    = "computeEngine.spark.nativeEnabled"
	propSaveToJobBucket  = "job.saveJobResultToJobBucket"
	propCidrInVpc        = "network.cidrInVpc"
	queuePropertiesLimit = 100
)

var (
	intProps    = map[string]bool{propMaxInstance: true, propMaxPrefetch: true, propMaxConcurrent: true}
	createProps = map[string]bool{propMaxInstance: true, propMaxPrefetch: true, propMaxConcurrent: true, propNativeEnabled: true}
	updateProps = map[string]bool{propMaxInstance: true, propMaxPrefetch: true, propMaxConcurrent: true, propNativeEnabled: true,
		propSaveToJobBucket: true, propCidrInVpc: true}
	deleteProps = map[string]bool{propMaxInstance: true, propMaxPrefetch: true, propMaxConcurrent: true}
	readKey     = map[string]string{propMaxInstance: propMaxInstances}
	unlistedKey = map[string]bool{propCidrInVpc: true} // write-only: not in the read enum
)

// writeKey folds the read spelling of a key into its write spelling.
func writeKey(k string) string {
	if k == propMaxInstances {
		return propMaxInstance
	}
	return k
}

// parseQueueProperties validates a properties object against the allowed keys:
// integers ≥ 0 (numbers or numeric strings) for the int keys, strings or booleans
// for the others.
func parseQueueProperties(raw map[string]json.RawMessage, allowed map[string]bool) (map[string]string, *apiError) {
	out := map[string]string{}
	for k, v := range raw {
		key := writeKey(k)
		if !allowed[key] {
			return nil, badRequest("Invalid properties key %q.", k)
		}
		var s string
		var n json.Number
		var b bool
		switch {
		case json.Unmarshal(v, &n) == nil:
			s = n.String()
		case json.Unmarshal(v, &s) == nil:
		case json.Unmarshal(v, &b) == nil:
			s = strconv.FormatBool(b)
		default:
			return nil, badRequest("Invalid value for properties.%s: %s.", k, string(v))
		}
		if intProps[key] {
			i, err := strconv.Atoi(strings.TrimSpace(s))
			if err != nil || i < 0 {
				return nil, badRequest("Invalid value for properties.%s: %s is not an integer ≥ 0.", k, string(v))
			}
			s = strconv.Itoa(i)
		}
		out[key] = s
	}
	return out, nil
}

type queuePropertiesBody struct {
	Properties map[string]json.RawMessage `json:"properties"`
}

func (e *Server) setQueueProperties(c *call, allowed map[string]bool) result {
	q, err := e.lookupQueue(c, c.path("queue_name"), false)
	if err != nil {
		return fail(err)
	}
	var b queuePropertiesBody
	if err := c.decode(&b); err != nil {
		return fail(err)
	}
	props, err := parseQueueProperties(b.Properties, allowed)
	if err != nil {
		return fail(err)
	}
	if q.Props == nil {
		q.Props = map[string]string{}
	}
	for k, v := range props {
		q.Props[k] = v
	}
	return ok(success(""))
}

// createQueueProperty is CreateQueueProperty: sets the CommonQueueProperty keys.
func (e *Server) createQueueProperty(c *call) result { return e.setQueueProperties(c, createProps) }

// updateQueueProperty is UpdateQueueProperty: a partial merge of the AdvancedQueueProperty keys.
func (e *Server) updateQueueProperty(c *call) result { return e.setQueueProperties(c, updateProps) }

// deleteQueueProperty is DeleteQueueProperty: a DELETE with a {"keys": [...]} body.
func (e *Server) deleteQueueProperty(c *call) result {
	q, err := e.lookupQueue(c, c.path("queue_name"), false)
	if err != nil {
		return fail(err)
	}
	var b struct {
		Keys []string `json:"keys"`
	}
	if err := c.decode(&b); err != nil {
		return fail(err)
	}
	if len(b.Keys) == 0 {
		return fail(badRequest("keys is required."))
	}
	for _, k := range b.Keys {
		if !deleteProps[writeKey(k)] {
			return fail(badRequest("Invalid keys value %q: only %s, %s and %s can be deleted.", k, propMaxInstance, propMaxPrefetch, propMaxConcurrent))
		}
	}
	for _, k := range b.Keys {
		delete(q.Props, writeKey(k))
	}
	return ok(success(""))
}

type queuePropertyItem struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// listQueueProperties is ListQueueProperties: the keys set on the queue in their read
// spelling, values as strings, sorted by key; an empty list for a queue without any.
func (e *Server) listQueueProperties(c *call) result {
	q, err := e.lookupQueue(c, c.path("queue_name"), true)
	if err != nil {
		return fail(err)
	}
	offset, limit, err := c.pageParams(queuePropertiesLimit, 1)
	if err != nil {
		return fail(err)
	}
	items := []queuePropertyItem{}
	for k, v := range q.Props {
		if unlistedKey[k] {
			continue
		}
		if rk, ok := readKey[k]; ok {
			k = rk
		}
		items = append(items, queuePropertyItem{Key: k, Value: v})
	}
	sort.Slice(items, func(i, j int) bool { return items[i].Key < items[j].Key })
	return ok(listQueuePropertiesResponse{IsSuccess: true, Properties: pageOf(items, offset, limit)})
}
