package rules

// Result is the outcome of checking a family's answers.
type Result struct {
	Verdict       string          `json:"verdict"`       // "likely", "possible" or "unlikely"
	Basis         string          `json:"basis"`         // why: "themes", "child-protection", "judgement", "unknowns" or "not-enough"
	VerdictReason string          `json:"verdictReason"` // VerdictWhy in words, once package wording has written it
	VerdictWhy    []Msg           `json:"-"`
	ThemesMet     []int           `json:"themesMet"`
	Themes        []ThemeResult   `json:"themes"`
	Pathways      []PathwayResult `json:"pathways"`
	Services      []string        `json:"services"` // ids of services to contact, from the suggested pathways and the criteria met
	Unknowns      []UnknownResult `json:"unknowns"`
}

// ThemeResult is one theme and each of its criteria.
type ThemeResult struct {
	Number   int               `json:"number"`
	Title    string            `json:"title"`
	Status   string            `json:"status"`
	Met      string            `json:"met"` // "yes", "no" or "unknown"
	Criteria []CriterionResult `json:"criteria"`
}

// CriterionResult is one criterion, whether it is met, and why.
type CriterionResult struct {
	ID        string   `json:"id"`
	Text      string   `json:"text"`
	Met       string   `json:"met"`
	Reason    string   `json:"reason"` // Why in words
	Why       []Msg    `json:"-"`
	Judgement bool     `json:"judgement,omitempty"`
	Services  []string `json:"services"`
}

// PathwayResult is one pathway, whether it is suggested, and why.
type PathwayResult struct {
	ID        string   `json:"id"`
	Title     string   `json:"title"`
	Suggested string   `json:"suggested"` // "yes", "no" or "unknown"
	Reason    string   `json:"reason"`    // Why in words
	Why       []Msg    `json:"-"`
	Services  []string `json:"services"`
}

// UnknownResult is an answer of "I do not know": what it could change and how to
// find it out.
type UnknownResult struct {
	Question       string   `json:"question"`
	Label          string   `json:"label"`
	HowToFind      string   `json:"howToFind"`
	ChangesVerdict bool     `json:"changesVerdict"`
	Themes         []int    `json:"themes"`   // themes whose result it could change
	Pathways       []string `json:"pathways"` // pathways whose result it could change
}

// The verdicts.
const (
	VerdictLikely   = "likely"
	VerdictPossible = "possible"
	VerdictUnlikely = "unlikely"
)

// The bases of a verdict.
const (
	BasisThemes          = "themes"
	BasisChildProtection = "child-protection"
	BasisJudgement       = "judgement"
	BasisUnknowns        = "unknowns"
	BasisNotEnough       = "not-enough"
)
