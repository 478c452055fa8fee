package wording

import "github.com/focusfamily/portal/rules"

// Result writes every reason of an eligibility result in w's language.
func (w *Words) Result(r *rules.Result) {
	r.VerdictReason = w.Sentences(r.VerdictWhy)
	for i := range r.Themes {
		for j := range r.Themes[i].Criteria {
			c := &r.Themes[i].Criteria[j]
			c.Reason = w.Sentences(c.Why)
		}
	}
	for i := range r.Pathways {
		r.Pathways[i].Reason = w.Sentences(r.Pathways[i].Why)
	}
}

// Progress writes every reason and every missing item of a progress result.
func (w *Words) Progress(r *rules.ProgressResult) {
	for i := range r.Criteria {
		w.check(&r.Criteria[i].Significant)
		w.check(&r.Criteria[i].Sustained)
	}
}

func (w *Words) check(c *rules.ProgressCheck) {
	c.Reason = w.Sentences(c.Why)
	c.Missing = make([]string, 0, len(c.MissingWhy))
	for _, m := range c.MissingWhy {
		if s := string(w.appendPhrase(nil, m)); !contains(c.Missing, s) {
			c.Missing = append(c.Missing, s)
		}
	}
}

// Errors writes the message of each answer error.
func (w *Words) Errors(errs []rules.AnswerError) {
	for i := range errs {
		errs[i].Message = w.Text(errs[i].Msg)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
