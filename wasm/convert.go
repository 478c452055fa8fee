//go:build js && wasm

package main

import "github.com/focusfamily/portal/rules"

// The engine's results as values js.ValueOf accepts. Written out by hand:
// encoding/json or reflection would add hundreds of kilobytes to the module.

func result(r *rules.Result) map[string]any {
	themes := make([]any, len(r.Themes))
	for i, t := range r.Themes {
		themes[i] = theme(t)
	}
	pathways := make([]any, len(r.Pathways))
	for i, p := range r.Pathways {
		pathways[i] = map[string]any{"id": p.ID, "title": p.Title, "suggested": p.Suggested, "reason": p.Reason, "services": strings(p.Services)}
	}
	unknowns := make([]any, len(r.Unknowns))
	for i, u := range r.Unknowns {
		unknowns[i] = map[string]any{"question": u.Question, "label": u.Label, "howToFind": u.HowToFind,
			"changesVerdict": u.ChangesVerdict, "themes": ints(u.Themes), "pathways": strings(u.Pathways)}
	}
	return map[string]any{
		"verdict": r.Verdict, "basis": r.Basis, "verdictReason": r.VerdictReason,
		"themesMet": ints(r.ThemesMet), "themes": themes, "pathways": pathways,
		"services": strings(r.Services), "unknowns": unknowns,
	}
}

func theme(t rules.ThemeResult) map[string]any {
	criteria := make([]any, len(t.Criteria))
	for i, c := range t.Criteria {
		criteria[i] = map[string]any{"id": c.ID, "text": c.Text, "met": c.Met, "reason": c.Reason,
			"judgement": c.Judgement, "services": strings(c.Services)}
	}
	return map[string]any{"number": t.Number, "title": t.Title, "status": t.Status, "met": t.Met, "criteria": criteria}
}

func progressResult(r *rules.ProgressResult) map[string]any {
	themes := make([]any, len(r.Themes))
	for i, t := range r.Themes {
		themes[i] = map[string]any{"number": t.Number, "title": t.Title, "significant": t.Significant, "sustained": t.Sustained}
	}
	criteria := make([]any, len(r.Criteria))
	for i, c := range r.Criteria {
		criteria[i] = map[string]any{"id": c.ID, "theme": c.Theme, "text": c.Text,
			"significant": progressCheck(c.Significant), "sustained": progressCheck(c.Sustained)}
	}
	return map[string]any{"terms": r.Terms, "themes": themes, "criteria": criteria}
}

func progressCheck(p rules.ProgressCheck) map[string]any {
	return map[string]any{"met": p.Met, "text": p.Text, "reason": p.Reason, "missing": strings(p.Missing)}
}

func answerErrors(errs []rules.AnswerError) []any {
	out := make([]any, len(errs))
	for i, e := range errs {
		out[i] = map[string]any{"question": e.Question, "message": e.Message}
	}
	return out
}

func strings(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

func ints(s []int) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}
