package oruk

// Page is the Open Referral UK paged envelope of a list endpoint.
type Page[T any] struct {
	TotalItems int  `json:"total_items"`
	TotalPages int  `json:"total_pages"`
	PageNumber int  `json:"page_number"`
	Size       int  `json:"size"` // the number of items on this page
	FirstPage  bool `json:"first_page"`
	LastPage   bool `json:"last_page"`
	Empty      bool `json:"empty"` // this page has no items
	Contents   []T  `json:"contents"`
}

// paginate cuts one page out of all. A page past the end is empty, not an
// error: the envelope says how many pages there are.
func paginate[T any](all []T, p Paging) Page[T] {
	total := len(all)
	pages := (total + p.PerPage - 1) / p.PerPage
	start := min((p.Page-1)*p.PerPage, total)
	end := min(start+p.PerPage, total)
	contents := make([]T, end-start)
	copy(contents, all[start:end])
	return Page[T]{
		TotalItems: total,
		TotalPages: pages,
		PageNumber: p.Page,
		Size:       len(contents),
		FirstPage:  p.Page == 1,
		LastPage:   p.Page >= pages,
		Empty:      len(contents) == 0,
		Contents:   contents,
	}
}
