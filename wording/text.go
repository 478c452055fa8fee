package wording

// polishCase lists the Polish letters with their capitals, lower then
// upper, two bytes each in UTF-8. Arabic has no case. A table this small
// keeps Unicode's case tables out of the browser's module.
const polishCase = "ąĄćĆęĘłŁńŃóÓśŚźŹżŻ"

// swapCaseAt changes the two-byte letter at b[i:] from one case to the
// other, in place (both cases of a Polish letter take two bytes): from
// lower to upper when up is true. An ASCII byte starts none of them.
func swapCaseAt(b []byte, i int, up bool) {
	if len(b)-i < 2 || b[i] < 0x80 {
		return
	}
	for j := 0; j+4 <= len(polishCase); j += 4 {
		from, to := polishCase[j:j+2], polishCase[j+2:j+4]
		if !up {
			from, to = to, from
		}
		if string(b[i:i+2]) == from {
			copy(b[i:], to)
			return
		}
	}
}

// capitalAt makes the letter at b[i] a capital.
func capitalAt(b []byte, i int) []byte {
	if i < len(b) && b[i] >= 'a' && b[i] <= 'z' {
		b[i] -= 'a' - 'A'
	} else {
		swapCaseAt(b, i, true)
	}
	return b
}

// lowerAt makes the letter at b[i] small, unless the word is an acronym or
// a name in capitals (CP, SEND): "A child has a plan" becomes "a child has a plan".
func lowerAt(b []byte, i int) []byte {
	if len(b)-i > 1 && b[i] >= 'A' && b[i] <= 'Z' && !(b[i+1] >= 'A' && b[i+1] <= 'Z') {
		b[i] += 'a' - 'A'
	} else {
		swapCaseAt(b, i, false)
	}
	return b
}

func trimStop(s string) string {
	if n := len(s); n > 0 && s[n-1] == '.' {
		return s[:n-1]
	}
	return s
}
