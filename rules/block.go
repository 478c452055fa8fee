package rules

// block hands out small slices cut from one larger array, so that an
// evaluation's reasons cost a few allocations instead of one for each
// message. In the browser's WebAssembly each allocation costs more than the
// reasoning around it. A slice handed out has its own capacity, so
// appending to it never writes into the next one.
type block[T any] struct{ free []T }

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
		b.free = make([]T, max(n, blockSize))
	}
	s := b.free[:n:n]
	b.free = b.free[n:]
	copy(s, items)
	return s
}
