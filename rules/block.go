package rules

// block hands out small slices cut from larger arrays, so that an
// evaluation's reasons cost a few allocations instead of one for each
// message, and none once a Workspace has grown to fit. In the browser's
// WebAssembly each allocation costs more than the reasoning around it. A
// slice handed out has its own capacity, so appending to it never writes
// into the next one.
type block[T any] struct {
	free   []T
	arrays [][]T // every array cut so far, to cut again after reset
	next   int   // the next of arrays to cut from when free runs out
}

// blockSize is how many items one allocation holds: enough for most
// evaluations' reasons.
const blockSize = 64

// take returns a copy of items in the block.
func (b *block[T]) take(items ...T) []T {
	n := len(items)
	if n == 0 {
		return nil
	}
	if len(b.free) < n {
		b.grow(n)
	}
	s := b.free[:n:n]
	b.free = b.free[n:]
	copy(s, items)
	return s
}

// grow moves on to the next array that holds n items, making one if none is left.
func (b *block[T]) grow(n int) {
	for b.next < len(b.arrays) {
		a := b.arrays[b.next]
		b.next++
		if len(a) >= n {
			b.free = a
			return
		}
	}
	b.free = make([]T, max(n, blockSize))
	b.arrays = append(b.arrays, b.free)
	b.next = len(b.arrays)
}

// reset hands the arrays out again from the start: nothing taken before
// may be used after it.
func (b *block[T]) reset() {
	b.free, b.next = nil, 0
}
