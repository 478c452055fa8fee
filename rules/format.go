package rules

import (
	"math"
	"strconv"
)

// FormatNumber writes a number the way a person would: no trailing zeros,
// at most two decimals (89.9, 90, 85.33). It counts in whole hundredths,
// which is exact below 10^13, far beyond any answer or threshold; larger
// numbers lose their decimals (see appendBigInteger). Written out, it keeps
// strconv's float formatting (about 10 KB) out of the browser's module.
func FormatNumber(f float64) string { return string(AppendNumber(nil, f)) }

// AppendNumber appends FormatNumber(f) to b.
func AppendNumber(b []byte, f float64) []byte {
	switch {
	case math.IsNaN(f):
		return append(b, "NaN"...)
	case math.IsInf(f, 1):
		return append(b, "+Inf"...)
	case math.IsInf(f, -1):
		return append(b, "-Inf"...)
	}
	if f < 0 && math.Round(f*100) != 0 {
		b = append(b, '-')
	}
	f = math.Abs(f)
	if f >= 1e13 {
		return appendBigInteger(b, math.Round(f))
	}
	cents := int64(math.Round(f * 100))
	b = strconv.AppendInt(b, cents/100, 10)
	if c := cents % 100; c != 0 {
		b = append(b, '.', byte('0'+c/10))
		if c%10 != 0 {
			b = append(b, byte('0'+c%10))
		}
	}
	return b
}

// appendBigInteger appends a large number as a whole number. Past 10^18,
// beyond int64, the digits after the first 18 are written as zeros: such
// numbers only ever appear in an error about a data file.
func appendBigInteger(b []byte, f float64) []byte {
	zeros := 0
	for ; f >= 1e18; zeros++ {
		f /= 10
	}
	b = strconv.AppendInt(b, int64(math.Round(f)), 10)
	for ; zeros > 0; zeros-- {
		b = append(b, '0')
	}
	return b
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
