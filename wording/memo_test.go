package wording

import (
	"strings"
	"testing"
)

// TestMemo: a memo answers as its lookup would, whatever string it is
// given, and looks a string up again only when its slot holds another.
func TestMemo(t *testing.T) {
	table := map[string]int{"reason.said": 1, "reason.chose": 2, "list.and": 3}
	calls := 0
	lookup := func(k string) (int, bool) { calls++; v, ok := table[k]; return v, ok }
	var c memo[int]
	for _, tt := range []struct {
		key     string
		want    int
		ok      bool
		lookups int // -1: either, as it depends on where the string's bytes are
	}{
		{"reason.said", 1, true, 1},
		{"reason.said", 1, true, 0}, // remembered
		{strings.Clone("reason.said"), 1, true, -1},
		{"reason.chose", 2, true, 1},
		{"missing", 0, false, 1},
		{"missing", 0, false, 1}, // a miss is never remembered
		{"", 0, false, 1},
	} {
		before := calls
		v, ok := c.get(tt.key, lookup)
		if v != tt.want || ok != tt.ok || tt.lookups >= 0 && calls-before != tt.lookups {
			t.Errorf("get(%q) = %d, %v with %d lookups; want %d, %v with %d", tt.key, v, ok, calls-before, tt.want, tt.ok, tt.lookups)
		}
	}
}
