package wording

import "github.com/focusfamily/portal/rules"

// Number writes a number the way a reader of lang expects: at most two
// decimals, no trailing zeros, and the language's decimal separator (a
// comma in Polish). Arabic keeps Western digits, as UK services print them.
func Number(f float64, lang string) string { return string(appendNumber(nil, f, lang)) }

func appendNumber(b []byte, f float64, lang string) []byte {
	start := len(b)
	b = rules.AppendNumber(b, f)
	if decimalComma(lang) {
		for i := start; i < len(b); i++ {
			if b[i] == '.' {
				b[i] = ','
			}
		}
	}
	return b
}

func decimalComma(lang string) bool { return lang == "pl" }

// fractionDigits is CLDR's operand v: the decimals Number shows.
func fractionDigits(f float64) int {
	var buf [24]byte
	s := rules.AppendNumber(buf[:0], f)
	for i := range s {
		if s[i] == '.' {
			return len(s) - i - 1
		}
	}
	return 0
}
