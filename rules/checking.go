//go:build !js

package rules

// checking turns on the checks whose only job is to report faults in the
// rules data: unknown fields, misspelt ids, dates, markers, units, ranges,
// duplicates, unused entries. Native builds (the command-line tool and the
// tests, which run before every site build) make them. The browser build
// leaves them out to keep the WebAssembly module small, because the data it
// receives has already passed them; it keeps only the checks that stop a
// broken file from crashing the engine.
const checking = true
