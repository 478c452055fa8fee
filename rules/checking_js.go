//go:build js

package rules

// See checking.go.
const checking = false
