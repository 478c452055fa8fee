package wording

import (
	"math"
	"strconv"
)

// Number writes a number the way a reader of lang expects: at most two
// decimals, no trailing zeros, and the language's decimal separator (a
// comma in Polish). Arabic keeps Western digits, as UK services print them.
func Number(f float64, lang string) string {
	s := strconv.FormatFloat(math.Round(f*100)/100, 'f', -1, 64)
	if s == "-0" {
		s = "0"
	}
	if decimalComma(lang) {
		for i := 0; i < len(s); i++ {
			if s[i] == '.' {
				return s[:i] + "," + s[i+1:]
			}
		}
	}
	return s
}

func decimalComma(lang string) bool { return lang == "pl" }

// fractionDigits is CLDR's operand v: the decimals Number shows.
func fractionDigits(f float64) int {
	s := strconv.FormatFloat(math.Round(f*100)/100, 'f', -1, 64)
	for i := 0; i < len(s); i++ {
		if s[i] == '.' {
			return len(s) - i - 1
		}
	}
	return 0
}
