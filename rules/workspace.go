package rules

// A Workspace is the memory of an evaluation, used again by the next one,
// so that once it has grown to fit, an evaluation allocates almost nothing.
// The browser evaluates the same family's answers again at every change,
// and in its WebAssembly, allocating and collecting memory cost more than
// the reasoning. The result it returns is only valid until its next
// evaluation. The zero Workspace is ready to use; it is not safe for
// concurrent use.
type Workspace struct {
	a, trial  answerSet
	o, tried  outcome
	r         Result
	criteria  []CriterionResult
	unknowns  []UnknownResult
	tries     []value // the values tried for an unknown answer
	ids       []string
	verdictOf []Arg // where the verdict's lists of themes are gathered
}

// EvaluateMet is Evaluate with reasons (Why) only for the criteria met and
// the pathways suggested, the ones the checker's page shows. It saves the
// browser the work of the others.
func (w *Workspace) EvaluateMet(m *Model, answers Node) (*Result, []AnswerError) {
	return w.evaluate(m, answers, true)
}

func (w *Workspace) evaluate(m *Model, answers Node, metOnly bool) (*Result, []AnswerError) {
	a := &w.a
	if errs := m.readAnswers(a, answers); len(errs) > 0 {
		return nil, errs
	}
	a.metOnly = metOnly
	w.o.size(m)
	m.decide(a, &w.o)
	return m.explain(w, &w.o), nil
}

// sized returns s with n items, reusing its array when it is big enough.
// The items are not cleared: every user writes each one before reading it.
func sized[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// emptied returns s with no items, never nil (a result's lists are [] in JSON).
func emptied[T any](s []T) []T {
	if s == nil {
		return make([]T, 0)
	}
	return s[:0]
}
