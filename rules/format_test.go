package rules_test

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/focusfamily/portal/rules"
)

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{90, "90"}, {89.9, "89.9"}, {85.333, "85.33"}, {92.5, "92.5"}, {0.1 + 0.2, "0.3"},
		{-0.001, "0"}, {-12.5, "-12.5"}, {0.05, "0.05"}, {99.995, "100"}, {1e6, "1000000"},
		{1e15, "1000000000000000"}, {1e20, "100000000000000000000"}, {math.NaN(), "NaN"}, {math.Inf(1), "+Inf"}, {math.Inf(-1), "-Inf"},
	}
	for _, tt := range tests {
		if got := rules.FormatNumber(tt.in); got != tt.want {
			t.Errorf("FormatNumber(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestFormatNumberAsStrconv checks the hand-written formatter against the
// standard library's shortest formatting of the value rounded to hundredths.
func TestFormatNumberAsStrconv(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 200000; i++ {
		f := (r.Float64() - 0.5) * math.Pow(10, float64(r.IntN(13)))
		if i%2 == 0 {
			f = math.Round(f*100) / 100 // values a person types
		}
		want := strconv.FormatFloat(math.Round(f*100)/100, 'f', -1, 64)
		if want == "-0" {
			want = "0"
		}
		if got := rules.FormatNumber(f); got != want {
			t.Fatalf("FormatNumber(%v) = %q, strconv gives %q", f, got, want)
		}
	}
}
