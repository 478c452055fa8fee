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

// sentence capitalises the first letter and ends with a full stop.
func sentence(s string) string {
	if s == "" {
		return s
	}
	if c := s[0]; c >= 'a' && c <= 'z' {
		s = string(c-'a'+'A') + s[1:]
	}
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

// joinAnd lists items in plain English: "a", "a and b", "a, b and c".
func joinAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

func plural(n int, one, many string) string {
	if n == 1 {
		return strconv.Itoa(n) + " " + one
	}
	return strconv.Itoa(n) + " " + many
}
