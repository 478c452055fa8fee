// Saving answers to a file on this device, and opening one. Both happen in
// the browser: the file is never uploaded, and nothing goes into storage.

const FORMAT = 'focus-family-answers'

export function saveFile (kind, answers, summary) {
  const data = { format: FORMAT, kind, version: 1, saved: new Date().toISOString(), answers, summary }
  const blob = new Blob([JSON.stringify(data, null, 2) + '\n'], { type: 'application/json' })
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = `focus-family-${kind}-${new Date().toISOString().slice(0, 10)}.json`
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

// openFile reads a saved file and returns its answers, or throws an Error
// whose message is fit to show the user.
export async function openFile (file, kind, messages) {
  let data
  try {
    data = JSON.parse(await file.text())
  } catch {
    throw new Error(messages.notJSON)
  }
  if (!data || data.format !== FORMAT || data.kind !== kind || typeof data.answers !== 'object' || data.answers === null) {
    throw new Error(messages.wrongFile)
  }
  return data.answers
}
