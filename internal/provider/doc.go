// Package provider is wiring only: the provider schema and Configure (which builds the one
// API client), and the lists of resources and data sources it serves.
package provider
