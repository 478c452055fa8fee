package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/focusfamily/portal/rules"
)

func writeResult(w io.Writer, r *rules.Result) {
	fmt.Fprintf(w, "Verdict: %s (%s)\n%s\n", r.Verdict, r.Basis, r.VerdictReason)
	for _, t := range r.Themes {
		fmt.Fprintf(w, "\nTheme %d: %s [%s]: %s\n", t.Number, t.Title, t.Status, t.Met)
		for _, c := range t.Criteria {
			fmt.Fprintf(w, "  %-7s %s: %s\n", "["+c.Met+"]", c.ID, c.Reason)
		}
	}
	fmt.Fprintln(w, "\nPathways:")
	for _, p := range r.Pathways {
		fmt.Fprintf(w, "  %-9s %s: %s\n", "["+p.Suggested+"]", p.Title, p.Reason)
	}
	fmt.Fprintf(w, "\nServices to contact: %s\n", strings.Join(r.Services, ", "))
	if len(r.Unknowns) == 0 {
		return
	}
	fmt.Fprintln(w, "\nAnswers you do not know yet:")
	for _, u := range r.Unknowns {
		fmt.Fprintf(w, "  - %s (%s): %s\n", u.Label, unknownEffect(u), u.HowToFind)
	}
}

func unknownEffect(u rules.UnknownResult) string {
	var parts []string
	if u.ChangesVerdict {
		parts = append(parts, "could change the verdict")
	}
	if len(u.Themes) > 0 {
		parts = append(parts, fmt.Sprintf("could change themes %v", u.Themes))
	}
	if len(u.Pathways) > 0 {
		parts = append(parts, "could change pathways "+strings.Join(u.Pathways, ", "))
	}
	if len(parts) == 0 {
		return "would not change the result"
	}
	return strings.Join(parts, "; ")
}

func writeProgress(w io.Writer, r *rules.ProgressResult) {
	fmt.Fprintf(w, "Termly reviews recorded: %d\n", r.Terms)
	for _, t := range r.Themes {
		fmt.Fprintf(w, "Theme %d: %s: significant %s, sustained %s\n", t.Number, t.Title, t.Significant, t.Sustained)
	}
	for _, c := range r.Criteria {
		fmt.Fprintf(w, "\n%s (theme %d): %s\n", c.ID, c.Theme, c.Text)
		writeCheck(w, "Significant progress", c.Significant)
		writeCheck(w, "Sustained progress", c.Sustained)
	}
}

func writeCheck(w io.Writer, name string, c rules.ProgressCheck) {
	fmt.Fprintf(w, "  %s: %s. %s\n", name, c.Met, c.Reason)
	for _, m := range c.Missing {
		fmt.Fprintf(w, "    still needed: %s\n", m)
	}
}
