// Saving answers to a file on this device, and opening one. Both happen in
// the browser: the file is never uploaded, and nothing goes into storage.

const FORMAT = 'focus-family-answers'

// Limits on what an opened file may hold, checked before anything in it is
// used. A real saved file is a few kilobytes, and no real answer is longer
// than a few dozen characters; anything far beyond that is refused whole.
export const LIMITS = { bytes: 1024 * 1024, answerChars: 200 }

// saveFile downloads the answers, with extra fields (a readable summary, the
// meeting sheet) beside them.
export function saveFile (kind, answers, extra = {}) {
  const data = { format: FORMAT, kind, version: 1, saved: new Date().toISOString(), answers, ...extra }
  const blob = new Blob([JSON.stringify(data, null, 2) + '\n'], { type: 'application/json' })
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = `focus-family-${kind}-${new Date().toISOString().slice(0, 10)}.json`
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

// fileMessages reads the file input's messages (i18n, written by the build).
export function fileMessages (input) {
  const d = input.dataset
  return { notJSON: d.msgNotJson, wrongFile: d.msgWrongFile, tooBig: d.msgTooBig, unknownKey: d.msgUnknownKey, tooLong: d.msgTooLong, tooMany: d.msgTooMany }
}

// fill puts values into a message's {placeholders}.
export const fill = (text, values) => text.replace(/\{(\w+)\}/g, (m, k) => k in values ? String(values[k]) : m)

// openFile reads a saved file and returns its answers, or throws an Error
// whose message is fit to show the user. The size is checked before the
// file is read.
export async function openFile (file, kind, messages) {
  if (file.size > LIMITS.bytes) throw new Error(fill(messages.tooBig, { size: Math.ceil(file.size / 1024), limit: LIMITS.bytes / 1024 }))
  let data
  try {
    data = JSON.parse(await file.text())
  } catch {
    throw new Error(messages.notJSON)
  }
  if (!data || data.format !== FORMAT || data.kind !== kind || typeof data.answers !== 'object' || data.answers === null || Array.isArray(data.answers)) {
    throw new Error(messages.wrongFile)
  }
  return data.answers
}

// shortName is a user-supplied key made safe to quote in a message.
export const shortName = key => JSON.stringify(key.length > 40 ? key.slice(0, 40) + '…' : key)

// checkAnswers refuses answers with a key that is not a known question or an
// answer longer than any real one. labels maps question ids to their names.
export function checkAnswers (answers, labels, messages) {
  for (const [key, value] of Object.entries(answers)) {
    if (!labels.has(key)) throw new Error(fill(messages.unknownKey, { name: shortName(key) }))
    if (tooLong(value)) throw new Error(fill(messages.tooLong, { name: labels.get(key), limit: LIMITS.answerChars }))
  }
}

// tooLong is true for a string, or a value holding one, beyond the limit.
export function tooLong (value) {
  if (typeof value === 'string') return value.length > LIMITS.answerChars
  if (value && typeof value === 'object') return JSON.stringify(value).length > LIMITS.answerChars * 2
  return false
}
