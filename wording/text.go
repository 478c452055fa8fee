package wording

// polishCase lists the Polish letters with their capitals, lower then
// upper, two bytes each in UTF-8. Arabic has no case. A table this small
// keeps Unicode's case tables out of the browser's module.
const polishCase = "ąĄćĆęĘłŁńŃóÓśŚźŹżŻ"

// swapCase changes the two-byte letter at the start of s from one case to
// the other: from lower to upper when up is true.
func swapCase(s string, up bool) string {
	if len(s) < 2 {
		return s
	}
	for i := 0; i+4 <= len(polishCase); i += 4 {
		from, to := polishCase[i:i+2], polishCase[i+2:i+4]
		if !up {
			from, to = to, from
		}
		if s[:2] == from {
			return to + s[2:]
		}
	}
	return s
}

// capitalise makes the first letter of b a capital, in place: a Polish
// letter's capital is as long in UTF-8 as the letter.
func capitalise(b []byte) {
	if len(b) > 0 && b[0] >= 'a' && b[0] <= 'z' {
		b[0] -= 'a' - 'A'
		return
	}
	for i := 0; len(b) >= 2 && i+4 <= len(polishCase); i += 4 {
		if b[0] == polishCase[i] && b[1] == polishCase[i+1] {
			b[0], b[1] = polishCase[i+2], polishCase[i+3]
			return
		}
	}
}

// lower makes the first letter small, unless the word is an acronym or a
// name in capitals (CP, SEND): "A child has a plan" becomes "a child has a plan".
func lower(s string) string {
	if len(s) > 1 && s[0] >= 'A' && s[0] <= 'Z' && !(s[1] >= 'A' && s[1] <= 'Z') {
		return string(s[0]-'A'+'a') + s[1:]
	}
	return swapCase(s, false)
}

func trimStop(s string) string {
	if n := len(s); n > 0 && s[n-1] == '.' {
		return s[:n-1]
	}
	return s
}

// clause turns a criterion's sentence into a clause to put inside another
// sentence: "A child has a plan." becomes "a child has a plan".
func clause(s string) string { return lower(trimStop(s)) }
