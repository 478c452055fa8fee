package yamlsrc

import (
	"strings"
	"testing"
)

// aliasBomb is a 2 KB file whose aliases expand to 9^9 values: it once took
// 41 s to normalise.
func aliasBomb() string {
	var b strings.Builder
	b.WriteString("a0: &a0 [x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i <= 9; i++ {
		p := "*a" + string(rune('0'+i-1))
		b.WriteString("a" + string(rune('0'+i)) + ": &a" + string(rune('0'+i)) + " [" + strings.Repeat(p+", ", 8) + p + "]\n")
	}
	return b.String()
}

func TestParseRefuses(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"NaN", "thresholds:\n  - id: t\n    value: .nan\n", `line 3, column 12: thresholds[0].value (in the entry with id "t"): .nan is not a number the rules can use`},
		{"NaN in capitals", "v: .NaN\n", "line 1, column 4: v: .NaN is not a number"},
		{"infinity", "v: .inf\n", "line 1, column 4: v: .inf is not a number"},
		{"minus infinity in a list", "when: {q: a, lt: [-.Inf]}\n", "when.lt[0]: -.Inf is not a number"},
		{"second document", "a: 1\n---\nb: 2\n", "line 2, column 1: a second YAML document starts here"},
		{"alias bomb", aliasBomb(), "expands to more than 200000 values"},
		{"flow nesting", "a: " + strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000) + "\n", "line 1, column 67: nested more than 64 levels deep"},
		{"block nesting", strings.Repeat("- ", 10_000) + "x\n", "nested more than 64 levels deep"},
		{"indented nesting", indented(70), "nested more than 64 levels deep"},
		{"too large", "a: \"" + strings.Repeat("x", MaxFileSize) + "\"\n", "over the limit of 1048576 (1 MB)"},
		{"syntax", "a:\n  b: 1\n c: 2\n", "line 3, column 2: YAML syntax error: value is not allowed in this context"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.src))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v; want it to contain %q", err, tt.want)
			}
		})
	}
}

// indented nests maps by indentation, n levels deep.
func indented(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat(" ", i) + "k:\n")
	}
	b.WriteString(strings.Repeat(" ", n) + "v: 1\n")
	return b.String()
}

// TestParseAccepts checks the limits leave ordinary YAML alone: aliases,
// moderate nesting, finite numbers, and a document marker before one document.
func TestParseAccepts(t *testing.T) {
	tests := []struct {
		name, src string
	}{
		{"aliases", "base: &b {x: 1}\nuse: [*b, *b]\n"},
		{"nesting", "a: " + strings.Repeat("[", 40) + "1" + strings.Repeat("]", 40) + "\n"},
		{"indented", indented(30)},
		{"numbers", "a: [0, -1.5, 1e3, 90]\n"},
		{"document marker", "---\na: 1\n...\n"},
		{"empty", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Parse([]byte(tt.src)); err != nil {
				t.Error(err)
			}
		})
	}
}
