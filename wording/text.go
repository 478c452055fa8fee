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

// capital makes the first letter a capital.
func capital(s string) string {
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return swapCase(s, true)
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
