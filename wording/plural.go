package wording

import "math"

// The plural categories of CLDR (Unicode's Common Locale Data Repository).
const (
	Zero  = "zero"
	One   = "one"
	Two   = "two"
	Few   = "few"
	Many  = "many"
	Other = "other"
)

// Plural is the CLDR plural category of n in lang, by CLDR's cardinal
// rules, written as small functions of the number as shown (n), its integer
// part (i) and how many decimals it shows (v). A language not listed uses
// English's.
func Plural(lang string, n float64) string {
	n = math.Abs(math.Round(n*100) / 100)
	i, v := int64(n), fractionDigits(n)
	switch lang {
	case "pl":
		return polish(i, v)
	case "ar":
		return arabic(i, v)
	}
	return english(i, v)
}

// english: one is 1 with no decimals shown.
func english(i int64, v int) string {
	if i == 1 && v == 0 {
		return One
	}
	return Other
}

// polish: 1 dzień, 2-4 dni (but 12-14 dni), 5 dni, 22 dni; decimals are other.
func polish(i int64, v int) string {
	if v != 0 {
		return Other
	}
	i10, i100 := i%10, i%100
	switch {
	case i == 1:
		return One
	case i10 >= 2 && i10 <= 4 && (i100 < 12 || i100 > 14):
		return Few
	}
	return Many
}

// arabic: six forms, by the number itself and its last two digits.
func arabic(i int64, v int) string {
	if v != 0 {
		return Other
	}
	n100 := i % 100
	switch {
	case i == 0:
		return Zero
	case i == 1:
		return One
	case i == 2:
		return Two
	case n100 >= 3 && n100 <= 10:
		return Few
	case n100 >= 11 && n100 <= 99:
		return Many
	}
	return Other
}
