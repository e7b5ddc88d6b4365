package neo4j

import (
	"bufio"
	"crypto/sha256"
	"fmt"
	"hash"
	"math"

	"github.com/newsgraph/newsgraph/graph"
)

// span says where records are: the bytes off..off+n of a file, whose first line is line
// (its lines follow one another), or, in a plan made from a document, its edges
// off..off+n.
type span struct {
	off  int64
	n    uint32
	line int32
}

func (s span) end() int64 { return s.off + int64(s.n) }

// artRef is what a plan keeps of an article: a few dozen bytes, whatever its size.
type artRef struct {
	ID     string
	DocKey string
	rec    span     // its record (read back to build its row)
	edges  span     // its first run of relationship records (n 0: none); planSource.more has the others
	hash   [16]byte // its load hash
	rels   int32    // its relationships, the MENTIONS its nodes imply included
}

// artScan is what the indexer keeps of an article while the relationships go by, until
// its visit ends (then it goes to the spill, see indexer).
type artScan struct {
	sum  [sha256.Size]byte // see indexer.sumEdge
	n    int32             // explicit relationships (first statements of their facts)
	ends []uint32          // the ends of its relationships, once each, as symbols with mentionFlag
}

// mentionFlag marks, in artScan.ends, an end that the article MENTIONS the way its nodes'
// "articles" lists imply (from the article itself, no status or title): the same fact.
const mentionFlag = 1 << 31

// indexer keeps, while the records go by in input order, what planning needs of them:
// per article where its relationships are (runs of lines: one when they follow one
// another, as extract writes them), the ends of its relationships as symbols, the hash of
// its relationships and their count; per node the spellings MENTIONS credit; and the
// counts. A fact stated twice is found within its article's visit (the relationships of
// one article in a row): facts are per article, so only the current visit's are kept.
// Relationships of an article that come back after others are rare (not as extract
// writes): its facts are read back once and kept. When a visit ends, the article's state
// (artScan) is written to the spill, in article order: the planning step reads it back in
// that order. The state of an article whose visit does not end in that order (its record
// came after its relationships, or they come back) stays in mem, merged at the end.
type indexer struct {
	name string
	p    *Plan
	src  *planSource
	mem  map[int32]*artScan
	// Articles whose relationships came before their record: slot k is -(k+1), with its
	// state, where its relationships are and whether a visit of it ended.
	pend        map[string]int32
	pendScan    []*artScan
	pendRuns    [][]span
	pendVisited []bool
	visited     []uint64 // per article: a visit of it ended
	// The visit: the current article's slot and state, its facts, its ends so far.
	on        bool
	slot      int32
	cur       *artScan
	facts     map[[10]byte]bool
	visitEnds []uint32
	revisited map[int32]map[[10]byte]bool
	spill     *spill
	// Ends other than the article itself, as symbols (endIDs), with mentionFlag.
	endSym map[string]uint32
	endIDs []string
	more   map[int32][]span // runs after an article's first

	credited map[string]map[string]bool
	mention  map[string]bool // nodes with a MENTIONS relationship
	err      error           // the first relationship Neo4j cannot store
	h        hash.Hash
	hw       *bufio.Writer
}

func newIndexer(name string, src *planSource, sp *spill) *indexer {
	return &indexer{name: name, p: &Plan{Nodes: map[graph.Label]int{}, Rels: map[graph.RelType]int{}}, src: src,
		spill: sp, mem: map[int32]*artScan{}, pend: map[string]int32{}, facts: map[[10]byte]bool{}, revisited: map[int32]map[[10]byte]bool{},
		endSym: map[string]uint32{}, more: map[int32][]span{},
		credited: map[string]map[string]bool{}, mention: map[string]bool{}}
}

// article takes an article record (not a repeat), in input order.
func (x *indexer) article(a *graph.Article, at graph.EdgeAt) {
	ai := int32(len(x.src.articles))
	x.src.articles = append(x.src.articles, artRef{ID: a.ID, DocKey: a.DocKey, rec: span{at.Offset, uint32(at.Len), int32(at.Line)}})
	if ai%64 == 0 {
		x.visited = append(x.visited, 0)
	}
	if k, ok := x.pend[a.ID]; ok { // its relationships came first
		x.mem[ai], x.pendScan[k] = x.pendScan[k], nil
		runs := x.pendRuns[k]
		x.pendRuns[k] = nil
		if x.pendVisited[k] {
			x.visited[ai/64] |= 1 << (ai % 64)
		}
		delete(x.pend, a.ID)
		if x.on && x.slot == -(k+1) {
			x.slot = ai
		}
		if f, ok := x.revisited[-(k + 1)]; ok {
			x.revisited[ai] = f
			delete(x.revisited, -(k + 1))
		}
		for _, r := range runs {
			x.addRun(ai, r)
		}
	}
}

// state returns the scan state of a slot, made when it has none.
func (x *indexer) state(slot int32) *artScan {
	if slot < 0 {
		return x.pendScan[-slot-1]
	}
	st := x.mem[slot]
	if st == nil {
		st = &artScan{}
		x.mem[slot] = st
	}
	return st
}

// wasVisited says whether a visit of slot ended before.
func (x *indexer) wasVisited(slot int32) bool {
	if slot < 0 {
		return x.pendVisited[-slot-1]
	}
	return x.visited[slot/64]&(1<<(slot%64)) != 0
}

// slotOf returns the slot of an edge's article: its index, or a pending slot.
func (x *indexer) slotOf(e *graph.Edge, at graph.EdgeAt) int32 {
	if at.Article >= 0 {
		return at.Article
	}
	k, ok := x.pend[e.Article]
	if !ok {
		k = int32(len(x.pendScan))
		x.pend[e.Article] = k
		x.pendScan = append(x.pendScan, &artScan{})
		x.pendRuns = append(x.pendRuns, nil)
		x.pendVisited = append(x.pendVisited, false)
	}
	return -(k + 1)
}

// addRun records that a relationship of the article in slot is at r: the article's last
// run grows when r follows it.
func (x *indexer) addRun(slot int32, r span) {
	if slot < 0 {
		runs := x.pendRuns[-slot-1]
		if n := len(runs); n > 0 && runs[n-1].end() == r.off && uint64(runs[n-1].n)+uint64(r.n) < math.MaxInt32 {
			runs[n-1].n += r.n
		} else {
			x.pendRuns[-slot-1] = append(runs, r)
		}
		return
	}
	a := &x.src.articles[slot]
	more := x.more[slot]
	last := &a.edges
	if len(more) > 0 {
		last = &more[len(more)-1]
	}
	switch {
	case a.edges.n == 0:
		a.edges = r
	case last.end() == r.off && uint64(last.n)+uint64(r.n) < math.MaxInt32:
		last.n += r.n
	default:
		x.more[slot] = append(more, r)
	}
}

// runsOf lists where the relationships of the article in slot are, so far.
func (x *indexer) runsOf(slot int32) []span {
	if slot < 0 {
		return x.pendRuns[-slot-1]
	}
	if a := &x.src.articles[slot]; a.edges.n > 0 {
		return append([]span{a.edges}, x.more[slot]...)
	}
	return nil
}

// edge takes one explicit relationship, in input order; read reads runs back (to find
// the facts of an article whose relationships come back after others').
func (x *indexer) edge(e *graph.Edge, at graph.EdgeAt, read func(span) ([]*graph.Edge, error)) error {
	slot := x.slotOf(e, at)
	if !x.on || x.slot != slot {
		if err := x.visit(slot, read); err != nil {
			return err
		}
	}
	st := x.cur
	x.addRun(slot, span{at.Offset, uint32(at.Len), int32(at.Line)})
	k := factKey(e)
	if x.facts[k] { // the same fact stated twice: the first statement wins
		return nil
	}
	x.facts[k] = true
	if err := checkEdgeProps(e); err != nil && x.err == nil {
		x.err = &PlanError{fmt.Errorf("%s:%d: %w", x.name, e.Line, err)}
	}
	plain := false
	if e.Type == graph.RelMentions {
		x.credit(e)
		plain = e.From == e.Article && e.Status == "" && e.Title == ""
	}
	x.p.Rels[e.Type]++
	x.sumEdge(st, e)
	st.n++
	x.addEnd(e.From, e.Article, false)
	x.addEnd(e.To, e.Article, plain)
	return x.err
}

// credit notes a MENTIONS relationship: its node is mentioned, and its spellings credited.
func (x *indexer) credit(e *graph.Edge) {
	x.mention[e.To] = true
	al, ok := stringList(e.Props["aliases"])
	if !ok && x.err == nil {
		x.err = &PlanError{fmt.Errorf("%s:%d: MENTIONS edge: prop \"aliases\" must be a list of strings", x.name, e.Line)}
	}
	if x.credited[e.To] == nil {
		x.credited[e.To] = map[string]bool{}
	}
	for _, a := range al {
		x.credited[e.To][a] = true
	}
}

// addEnd adds an end of a relationship to the visit's ends, once, but the article itself.
func (x *indexer) addEnd(id, article string, plain bool) {
	if id == article {
		return
	}
	sym, ok := x.endSym[id]
	if !ok {
		sym = uint32(len(x.endIDs))
		x.endSym[id] = sym
		x.endIDs = append(x.endIDs, id)
	}
	for i, s := range x.visitEnds {
		if s&^mentionFlag == sym {
			if plain {
				x.visitEnds[i] |= mentionFlag
			}
			return
		}
	}
	if plain {
		sym |= mentionFlag
	}
	x.visitEnds = append(x.visitEnds, sym)
}

// visit closes the current visit and opens one of slot: its facts and ends so far are
// read back when it had one before.
func (x *indexer) visit(slot int32, read func(span) ([]*graph.Edge, error)) error {
	if err := x.close(); err != nil {
		return err
	}
	x.on, x.slot = true, slot
	x.cur = x.state(slot)
	x.visitEnds = append(x.visitEnds[:0], x.cur.ends...)
	if !x.wasVisited(slot) {
		if len(x.facts) > 1024 { // clear costs what the map grew to
			x.facts = map[[10]byte]bool{}
		} else {
			clear(x.facts)
		}
		return nil
	}
	if f, ok := x.revisited[slot]; ok {
		x.facts = f
		return nil
	}
	x.facts = map[[10]byte]bool{}
	for _, r := range x.runsOf(slot) {
		es, err := read(r)
		if err != nil {
			return err
		}
		for _, e := range es {
			x.facts[factKey(e)] = true
		}
	}
	x.revisited[slot] = x.facts
	return nil
}

// close ends the current visit: the article's state goes to the spill when its order
// allows (its first visit to end after those of the articles before it), else stays in
// mem.
func (x *indexer) close() error {
	if !x.on {
		return nil
	}
	x.on = false
	st := x.cur
	st.ends = append(st.ends[:0], x.visitEnds...)
	x.visitEnds = x.visitEnds[:0]
	if _, kept := x.revisited[x.slot]; kept {
		x.facts = map[[10]byte]bool{}
	}
	if x.slot < 0 {
		x.pendVisited[-x.slot-1] = true
		return nil
	}
	x.visited[x.slot/64] |= 1 << (x.slot % 64)
	if x.spill != nil && x.slot > x.spill.last {
		delete(x.mem, x.slot)
		return x.spill.put(x.slot, st)
	}
	return nil
}

// sumEdge adds the hash of relationship e to its article's sum (mod 2^256): part of its
// load hash, computed while the file is validated so that hashing never reads a
// relationship back, in any order of the article's relationships.
func (x *indexer) sumEdge(st *artScan, e *graph.Edge) {
	if x.h == nil {
		x.h = sha256.New()
		x.hw = bufio.NewWriterSize(x.h, 1024)
	}
	x.h.Reset()
	hashEdge(x.hw, e)
	_ = x.hw.Flush()
	var d [sha256.Size]byte
	x.h.Sum(d[:0])
	addSum(&st.sum, &d)
}

// endNodes resolves the end symbols: the index of the node each names, or -1 for an
// article (an id both a node's and an article's is the article's, as before).
func (x *indexer) endNodes() []int32 {
	s := x.src
	out := make([]int32, len(x.endIDs))
	for i, id := range x.endIDs {
		out[i] = -1
		if n, ok := s.nodeIdx[id]; ok {
			out[i] = n
		}
	}
	for i := range s.articles {
		id := s.articles[i].ID
		if sym, ok := x.endSym[id]; ok {
			out[sym] = -1
		}
		if _, ok := s.nodeIdx[id]; ok {
			s.alsoArticle[id] = true
		}
	}
	return out
}
