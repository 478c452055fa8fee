package rules

import (
	"math"
	"strconv"
	"strings"
)

// formatNum writes a number the way a person would: no trailing zeros, at
// most two decimals (89.9, 90, 85.33).
func formatNum(f float64) string {
	return strconv.FormatFloat(math.Round(f*100)/100, 'f', -1, 64)
}

// withUnit writes a number with its unit: "85%", "14 days", "3".
func withUnit(f float64, unit string) string {
	switch unit {
	case "":
		return formatNum(f)
	case "%":
		return formatNum(f) + "%"
	}
	if f == 1 && strings.HasSuffix(unit, "s") {
		unit = unit[:len(unit)-1]
	}
	return formatNum(f) + " " + unit
}

// capital makes the first letter a capital.
//
//go:noinline
func capital(s string) string {
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}

// sentence capitalises the first letter and ends with a full stop.
//
//go:noinline
func sentence(s string) string {
	s = capital(s)
	if s != "" && !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

// joinAnd lists items in plain English: "a", "a and b", "a, b and c".
//
//go:noinline
func joinAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

func plural(n int, one, many string) string {
	if n == 1 {
		return strconv.Itoa(n) + " " + one
	}
	return strconv.Itoa(n) + " " + many
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
