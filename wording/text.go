package wording

// upper maps the lower-case letters that can start a sentence in the
// languages the portal ships (ASCII and Polish) to capitals. Arabic has no
// case. A table this small keeps Unicode's case tables out of the browser's
// module.
var upper = map[string]string{"ą": "Ą", "ć": "Ć", "ę": "Ę", "ł": "Ł", "ń": "Ń", "ó": "Ó", "ś": "Ś", "ź": "Ź", "ż": "Ż"}

// capital makes the first letter a capital.
func capital(s string) string {
	if s == "" {
		return s
	}
	if c := s[0]; c >= 'a' && c <= 'z' {
		return string(c-'a'+'A') + s[1:]
	}
	if len(s) >= 2 {
		if u, ok := upper[s[:2]]; ok {
			return u + s[2:]
		}
	}
	return s
}

// lower makes the first letter small, unless the word is an acronym or a
// name in capitals (CP, SEND): "A child has a plan" becomes "a child has a plan".
func lower(s string) string {
	if len(s) > 1 && s[0] >= 'A' && s[0] <= 'Z' && !(s[1] >= 'A' && s[1] <= 'Z') {
		return string(s[0]-'A'+'a') + s[1:]
	}
	for l, u := range upper {
		if len(s) > len(u) && s[:len(u)] == u {
			return l + s[len(u):]
		}
	}
	return s
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
