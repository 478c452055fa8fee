//go:build js && wasm

package main

import "github.com/focusfamily/portal/rules"

// The engine's results as values js.ValueOf accepts. Written out by hand:
// encoding/json or reflection would add hundreds of kilobytes to the module.
//
// Each value handed to JavaScript costs a crossing of a few microseconds, so
// the checker's result carries only what the page cannot know from its build:
// what applies and why. Wording, titles and contacts are in the page already.

func result(r *rules.Result) map[string]any {
	var criteria []any
	for _, t := range r.Themes {
		for _, c := range t.Criteria {
			if c.Met == "yes" {
				criteria = append(criteria, map[string]any{"id": c.ID, "theme": t.Number, "reason": c.Reason})
			}
		}
	}
	var pathways []any
	for _, p := range r.Pathways {
		if p.Suggested == "yes" {
			pathways = append(pathways, map[string]any{"id": p.ID, "reason": p.Reason})
		}
	}
	unknowns := make([]any, len(r.Unknowns))
	for i, u := range r.Unknowns {
		unknowns[i] = map[string]any{"question": u.Question, "changesVerdict": u.ChangesVerdict}
	}
	return map[string]any{
		"verdict": r.Verdict, "verdictReason": r.VerdictReason,
		"criteria": criteria, "pathways": pathways,
		"services": strings(r.Services), "unknowns": unknowns,
	}
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
	words.Errors(errs)
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
