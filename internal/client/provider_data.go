package client

import "fmt"

// FromProviderData returns the client the provider hands to resources and data sources in
// Configure; nil (and no error) while the provider is not configured yet, e.g. during
// validation.
func FromProviderData(data any) (*Client, error) {
	if data == nil {
		return nil, nil
	}
	c, ok := data.(*Client)
	if !ok {
		return nil, fmt.Errorf("expected *client.Client, got %T: this is a bug in the provider; please report it", data)
	}
	return c, nil
}
