package rules

// The thresholds that name a level of absence. Where an attendance answer
// is at or below one of them, the reason says so, in the words schools and
// councils use: persistent absence (the Department for Education's 10% or
// more of sessions missed) and severe absence (50% or more missed).
const (
	ThresholdPersistentAbsence = "persistent_absence_attendance"
	ThresholdSevereAbsence     = "severe_absence_attendance"
)

// absenceLevels are checked from the most serious down; only the first that
// applies is named.
var absenceLevels = [...]struct{ threshold, code string }{
	{ThresholdSevereAbsence, "reason.severeAbsence"},
	{ThresholdPersistentAbsence, "reason.persistentAbsence"},
}

// absence adds the level of absence an attendance value shows, if any. An
// attendance value is a percentage that may be given as sessions.
func (m *Model) absence(b *block[Arg], f *Field, v *value, out []Msg) []Msg {
	if !f.AllowSessions || v.state != stKnown {
		return out
	}
	for _, l := range absenceLevels {
		if t := m.threshold(l.threshold); t != nil && v.num <= t.Value {
			return append(out, Msg{Code: l.code, Args: b.take(Arg{Name: "threshold", Kind: ArgSetting, Num: t.Value, Field: t.Unit})})
		}
	}
	return out
}

func (m *Model) threshold(id string) *Threshold {
	for i := range m.Thresholds {
		if m.Thresholds[i].ID == id {
			return &m.Thresholds[i]
		}
	}
	return nil
}
