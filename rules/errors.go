package rules

// DataError is a fault in the rules data: the file, the entry in it and a
// plain message.
type DataError struct {
	File  string // e.g. "data/rules/questions.yaml"
	Entry string // e.g. `question "attendance_percent"`; empty for the file as a whole
	Msg   string
}

func (e *DataError) Error() string {
	if e.Entry == "" {
		return e.File + ": " + e.Msg
	}
	return e.File + ": " + e.Entry + ": " + e.Msg
}

// DataErrors is every fault found in one load, in file order.
type DataErrors []*DataError

func (es DataErrors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return join(lines, "\n")
}

// AnswerError is a problem with one answer, for showing next to its question.
type AnswerError struct {
	Question string `json:"question"` // the question id, or a path such as "terms[2].attendance_percent"
	Message  string `json:"message"`  // Msg in words, once package wording has written it
	Msg      Msg    `json:"-"`
}

// Error gives the message once package wording has written it, and the
// message's code before.
func (e AnswerError) Error() string {
	if e.Message == "" {
		return e.Question + ": " + e.Msg.Code
	}
	return e.Question + ": " + e.Message
}
