package rules

import (
	"math"
	"strconv"
)

// formatNum writes a number the way a person would: no trailing zeros, at
// most two decimals (89.9, 90, 85.33).
func formatNum(f float64) string {
	return strconv.FormatFloat(math.Round(f*100)/100, 'f', -1, 64)
}

// trim removes spaces, tabs and line breaks at either end. It stands in for
// strings.TrimSpace, which would bring the Unicode tables into the browser's
// module; answers and data are ASCII at their edges.
func trim(s string) string {
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
	for len(s) > 0 && isSpace(s[0]) {
		s = s[1:]
	}
	for len(s) > 0 && isSpace(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	return s
}

// join is strings.Join, written out because the lists are short and the
// standard one costs more in the browser's module than it saves.
//
//go:noinline
func join(items []string, sep string) string {
	out := ""
	for i, s := range items {
		if i > 0 {
			out += sep
		}
		out += s
	}
	return out
}
